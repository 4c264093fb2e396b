// What services need to talk to a running order. The workflow function itself is loaded
// only by the distributor's worker, from the bundle (see bundle-workflows.js).
export * from './order/definitions';
