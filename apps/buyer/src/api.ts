/** How this service describes itself in its OpenAPI document. */
export const buyerApi = {
  title: 'Tradelane buyer API',
  description: "Procurement's side: where an order stands, its confirmation, and paying the amount due.",
};
