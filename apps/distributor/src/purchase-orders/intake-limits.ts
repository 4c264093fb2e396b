/** What one submission may hold; beyond these a purchase order is refused before it is looked at. */
export const MAX_LINES_PER_ORDER = 5000;
/** 5,000 rows of the longest SKU, quantity and price ceiling fit in half of this. */
export const MAX_CSV_BYTES = 1024 * 1024;
/** The `order` part of a CSV upload: the order without its lines, as JSON. */
export const MAX_ORDER_PART_BYTES = 16 * 1024;
export const MAX_IDEMPOTENCY_KEY_LENGTH = 100;
