import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DateTime } from '../shared/Money';
import { Announce, ErrorMessage, LIVE, Page } from '../shared/ui';
import { filterFromSearch, filterToSearch, ORDER_STATUSES, withFilter, type OrderFilter } from './order-filter';
import { statusLabel } from './order-actions';
import { fetchOrders } from './orders-api';

export function OrderListPage() {
  const [search, setSearch] = useSearchParams();
  const filter = filterFromSearch(search);
  // Cursors of the pages before this one, for "Previous page".
  const [trail, setTrail] = useState<(string | undefined)[]>([]);
  const orders = useQuery({ queryKey: ['orders', filterToSearch(filter).toString()], queryFn: () => fetchOrders(filter), placeholderData: keepPreviousData, ...LIVE });
  const go = (next: OrderFilter) => setSearch(filterToSearch(next));

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '') || undefined;
    setTrail([]);
    go(withFilter(filter, { status: text('status'), createdFrom: text('from'), createdTo: text('to'), q: text('q')?.trim(), sort: form.get('sort') === 'oldest' ? 'oldest' : 'newest' }));
  };
  const items = orders.data?.items ?? [];
  return (
    <Page title="Orders">
      <p>
        <Link to="/procurement/orders/new">New order</Link>
      </p>
      <form className="filters" role="search" aria-label="Filter orders" onSubmit={apply} key={search.toString()}>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filter.status ?? ''}>
            <option value="">Any</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-from">Created from</label>
          <input id="filter-from" name="from" type="date" defaultValue={filter.createdFrom ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="filter-to">Created to</label>
          <input id="filter-to" name="to" type="date" defaultValue={filter.createdTo ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="filter-q">Search</label>
          <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ''} />
        </div>
        <div className="field">
          <label htmlFor="filter-sort">Sort</label>
          <select id="filter-sort" name="sort" defaultValue={filter.sort}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </div>
        <button type="submit">Apply filters</button>
      </form>
      <ErrorMessage error={orders.error} />
      <Announce>{orders.isPending ? 'Loading orders…' : `${items.length} order(s) on this page`}</Announce>
      {!orders.isPending && items.length === 0 ? (
        <p>No orders match. Change the filters or place a new order.</p>
      ) : (
        <table>
          <caption>Purchase orders</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Status</th>
              <th scope="col">Reference</th>
              <th scope="col">Submitted</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {items.map((order) => (
              <tr key={order.orderId}>
                <th scope="row">
                  <Link to={`/procurement/orders/${order.orderId}`}>{order.orderId}</Link>
                </th>
                <td>{statusLabel(order.status)}</td>
                <td>{order.idempotencyKey ?? '—'}</td>
                <td>
                  <DateTime iso={order.submittedAt} />
                </td>
                <td>
                  <DateTime iso={order.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pages" className="actions">
        <button
          type="button"
          disabled={trail.length === 0}
          onClick={() => {
            const previous = trail[trail.length - 1];
            setTrail(trail.slice(0, -1));
            go(withFilter(filter, { cursor: previous }));
          }}
        >
          Previous page
        </button>
        <button
          type="button"
          disabled={!orders.data?.nextCursor}
          onClick={() => {
            setTrail([...trail, filter.cursor]);
            go(withFilter(filter, { cursor: orders.data?.nextCursor ?? undefined }));
          }}
        >
          Next page
        </button>
      </nav>
    </Page>
  );
}
