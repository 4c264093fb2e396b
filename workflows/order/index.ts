export { orderWorkflow } from './order.workflow';
// The bundle registers this module's interceptors too (see bundle-workflows.js).
export { interceptors } from './interceptors';
