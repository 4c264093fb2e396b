import { body, distributorApi } from '../api/clients';
import type { OrderPage } from '../api/types';
import { filterToApiQuery, type OrderFilter } from './order-filter';

export function fetchOrders(filter: OrderFilter): Promise<OrderPage> {
  return body<OrderPage>(distributorApi.GET('/orders', { params: { query: filterToApiQuery(filter) } }));
}
