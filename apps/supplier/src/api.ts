/** How this service describes itself in its OpenAPI document. */
export const supplierApi = {
  title: 'Tradelane supplier API',
  description:
    "Stock clerks answer stock inquiries and see dispatch notices; the supplier's stock (on hand, held for orders, available), its reservations, answer mode and how long answers hold stock.",
};
