export * from './partner';
export * from './documents';
export { detectStandard, parseInbound, buildOutbound, buildContent, buildAsPartner, parseDocument, documentContent, rejectionResponse } from './api';
export { DocumentError, BuildError } from './errors';
export { cxmlResponse, type CxmlStatus } from './cxml/response';
export { locate, refusalError } from './mappings/refusal';
