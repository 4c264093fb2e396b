import { request } from '../api/http';
import type { OrderPage, OrderSummary } from '../api/types';
import { filterToApiQuery, type OrderFilter } from './order-filter';

/** The paged list; an older distributor answers a plain array, read as one page. */
export function asOrderPage(body: OrderPage | OrderSummary[]): OrderPage {
  return Array.isArray(body) ? { items: body, nextCursor: null } : body;
}

export async function fetchOrders(filter: OrderFilter): Promise<OrderPage> {
  return asOrderPage(await request<OrderPage | OrderSummary[]>('distributor', 'GET', '/orders', { query: filterToApiQuery(filter) }));
}
