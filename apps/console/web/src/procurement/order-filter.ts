import type { operations } from '../api/generated/distributor';

/** The distributor's GET /orders query, as its API document types it. */
export type OrderListQuery = NonNullable<operations['OrdersController_list']['parameters']['query']>;
type OrderStatus = NonNullable<OrderListQuery['status']>[number];

/** What the order list shows, as it lives in the page's address (so it can be linked and reloaded). */
export interface OrderFilter {
  status?: string;
  createdFrom?: string;
  createdTo?: string;
  q?: string;
  sort: OrderSort;
  cursor?: string;
}

export const ORDER_SORTS = ['newest', 'oldest'] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];
export const ORDER_STATUSES = ['submitted', 'completed', 'cancelled'] as const satisfies readonly OrderStatus[];
export const PAGE_SIZE = 25;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the filter from a query string; anything unknown or malformed is dropped, not trusted. */
export function filterFromSearch(search: URLSearchParams): OrderFilter {
  const filter: OrderFilter = { sort: 'newest' };
  const status = search.get('status');
  if (status && (ORDER_STATUSES as readonly string[]).includes(status)) filter.status = status;
  const from = search.get('from');
  if (from && DATE.test(from)) filter.createdFrom = from;
  const to = search.get('to');
  if (to && DATE.test(to)) filter.createdTo = to;
  const q = search.get('q')?.trim();
  if (q) filter.q = q.slice(0, 200);
  const sort = search.get('sort');
  if (sort && (ORDER_SORTS as readonly string[]).includes(sort)) filter.sort = sort as OrderSort;
  const cursor = search.get('cursor');
  if (cursor) filter.cursor = cursor;
  return filter;
}

/** The page's own query string for a filter; defaults are left out so addresses stay short. */
export function filterToSearch(filter: OrderFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.status) search.set('status', filter.status);
  if (filter.createdFrom) search.set('from', filter.createdFrom);
  if (filter.createdTo) search.set('to', filter.createdTo);
  if (filter.q) search.set('q', filter.q);
  if (filter.sort !== 'newest') search.set('sort', filter.sort);
  if (filter.cursor) search.set('cursor', filter.cursor);
  return search;
}

/**
 * The distributor's GET /orders query for a filter. Dates are whole days in the person's view:
 * createdTo is inclusive, so it is sent as the start of the next day.
 */
export function filterToApiQuery(filter: OrderFilter, limit = PAGE_SIZE): OrderListQuery {
  const query: OrderListQuery = { limit, sort: filter.sort === 'newest' ? '-createdAt' : 'createdAt' };
  if (filter.status) query.status = [filter.status as OrderStatus];
  if (filter.createdFrom) query.createdFrom = `${filter.createdFrom}T00:00:00.000Z`;
  if (filter.createdTo) query.createdTo = `${nextDay(filter.createdTo)}T00:00:00.000Z`;
  if (filter.q) query.q = filter.q;
  if (filter.cursor) query.cursor = filter.cursor;
  return query;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/** A new filter starts again at the first page. */
export function withFilter(filter: OrderFilter, change: Partial<OrderFilter>): OrderFilter {
  const next: OrderFilter = { ...filter, ...change };
  if (!('cursor' in change)) delete next.cursor;
  return next;
}
