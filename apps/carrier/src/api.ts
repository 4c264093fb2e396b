/** How this service describes itself in its OpenAPI document. */
export const carrierApi = {
  title: 'Tradelane carrier API',
  description: "The carrier's dispatch desk quotes shipping inquiries and accepts transport notices; rate cards and answer mode.",
};
