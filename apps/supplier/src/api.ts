/** How this service describes itself in its OpenAPI document. */
export const supplierApi = {
  title: 'Tradelane supplier API',
  description: "Stock clerks answer stock inquiries and see dispatch notices; the supplier's stock and answer mode.",
};
