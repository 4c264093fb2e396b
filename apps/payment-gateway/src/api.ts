/** How this service describes itself in its OpenAPI document. */
export const paymentGatewayApi = {
  title: 'Tradelane payment gateway API',
  description: 'Payments taken on payment notices, transfers to the distributor, and the double-entry ledger.',
};
