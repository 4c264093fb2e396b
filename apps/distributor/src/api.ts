/** How this service describes itself in its OpenAPI document. */
export const distributorApi = {
  title: 'Tradelane distributor API',
  description: 'Purchase orders come in here; each runs as an order workflow. Order state, message log, catalogue.',
};
