export { parseEdifactInbound } from './inbound';
export { buildEdifact, parseEdifactDocument } from './outbound';
