export { plainOrderLocalWorkflow, plainOrderWorkflow } from './plain-order.workflow';
