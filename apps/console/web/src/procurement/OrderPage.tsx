import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import { body, buyerApi, distributorApi } from '../api/clients';
import { ApiError } from '../api/problem';
import type { BuyerReminder, OrderConfirmation, OrderDetail } from '../api/types';
import { formatMoney } from '../shared/format';
import { DateTime, Day, Deadline, Money } from '../shared/Money';
import { Announce, ErrorMessage, Field, LIVE, Loading, Page } from '../shared/ui';
import type { CurrencyCode } from './line-grid';
import { describeWaiting, orderActions, statusLabel } from './order-actions';

/** A 404 means "not there yet" for the confirmation: read as null, not as an error. */
async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function OrderPage() {
  const { orderId = '' } = useParams();
  const view = useQuery({
    queryKey: ['order', orderId],
    queryFn: () => body<OrderDetail>(distributorApi.GET('/orders/{orderId}', { params: { path: { orderId } } })),
    ...LIVE,
  });
  return (
    <Page title={`Order ${orderId}`}>
      <Loading query={view}>{(order) => <OrderDetails order={order} />}</Loading>
    </Page>
  );
}

function OrderDetails({ order }: { order: OrderDetail }) {
  const orderId = order.orderId;
  const queryClient = useQueryClient();
  const actions = orderActions(order);
  const confirmation = useQuery({
    queryKey: ['order', orderId, 'confirmation'],
    queryFn: () => orNull(body<OrderConfirmation>(buyerApi.GET('/orders/{orderId}/confirmation', { params: { path: { orderId } } }))),
    refetchInterval: (query) => (query.state.data ? false : LIVE.refetchInterval),
  });
  const reminders = useQuery({
    queryKey: ['order', orderId, 'reminders'],
    queryFn: () => body<BuyerReminder[]>(buyerApi.GET('/orders/{orderId}/reminders', { params: { path: { orderId } } })),
    ...LIVE,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['order', orderId] });
  const [reason, setReason] = useState('');
  const cancel = useMutation({
    mutationFn: () => body(distributorApi.POST('/orders/{orderId}/cancel', { params: { path: { orderId } }, body: { reason } })),
    onSuccess: refresh,
  });
  const decide = useMutation({
    mutationFn: (decision: 'wait' | 'cancel') => body(distributorApi.POST('/orders/{orderId}/decision', { params: { path: { orderId } }, body: { decision } })),
    onSuccess: refresh,
  });
  const pay = useMutation({
    // The amount due is the confirmation's own, so its currency is one the API took before.
    mutationFn: (due: { amountMinor: number; currency: string }) =>
      body(
        buyerApi.POST('/orders/{orderId}/payment-notice', {
          params: { path: { orderId } },
          body: { amountMinor: due.amountMinor, currency: due.currency as CurrencyCode },
        }),
      ),
    onSuccess: refresh,
  });
  const currency = order.currency ?? confirmation.data?.amountDue.currency ?? 'EUR';

  return (
    <>
      <p>
        Status:{' '}
        <span role="status" aria-live="polite" className="status" id="order-status">
          {statusLabel(order.status)}
        </span>{' '}
        (updated <DateTime iso={order.updatedAt} />)
      </p>

      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">Waiting for</h2>
        {order.waitingFor.length === 0 ? (
          <p>Nothing.</p>
        ) : (
          <ul>
            {order.waitingFor.map((w, i) => (
              <li key={i}>
                {describeWaiting(w)}
                {'deadline' in w ? (
                  <>
                    {' '}
                    — deadline <Deadline iso={w.deadline} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="actions-heading">
        <h2 id="actions-heading">What you can do</h2>
        {actions.pay ? (
          <div className="actions">
            <p>
              Amount due <Money value={actions.pay.amountDue} />, by <Deadline iso={actions.pay.deadline} />.
            </p>
            <button type="button" disabled={pay.isPending} onClick={() => actions.pay && pay.mutate(actions.pay.amountDue)}>
              Pay {formatMoney(actions.pay.amountDue)}
            </button>
            <ErrorMessage error={pay.error} />
          </div>
        ) : null}
        {actions.decide ? (
          <div className="actions" role="group" aria-labelledby="decision-question">
            <p id="decision-question">{actions.decide.question}</p>
            <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('wait')}>
              Keep waiting
            </button>
            <button type="button" disabled={decide.isPending} onClick={() => decide.mutate('cancel')}>
              Cancel instead
            </button>
            <ErrorMessage error={decide.error} />
          </div>
        ) : null}
        {actions.cancel ? (
          <form
            className="actions"
            onSubmit={(e) => {
              e.preventDefault();
              cancel.mutate();
            }}
          >
            <Field label="Reason for cancelling" id="cancel-reason">
              <input id="cancel-reason" required maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
            <button type="submit" disabled={cancel.isPending || !reason.trim()}>
              Cancel order
            </button>
            <ErrorMessage error={cancel.error} />
          </form>
        ) : null}
        {!actions.pay && !actions.decide && !actions.cancel ? <p>Nothing to do now.</p> : null}
        <Announce>{cancel.isSuccess ? 'Cancellation requested.' : decide.isSuccess ? 'Decision sent.' : pay.isSuccess ? 'Payment notice sent.' : ''}</Announce>
      </section>

      {order.cancellation ? (
        <p>
          Cancelled: {order.cancellation.reason} (<DateTime iso={order.cancellation.at} />)
        </p>
      ) : null}

      <section aria-labelledby="lines-heading">
        <h2 id="lines-heading">Lines</h2>
        {order.lines ? (
          <table>
            <caption>Ordered lines</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">SKU</th>
                <th scope="col" className="num">Quantity</th>
                <th scope="col" className="num">Price ceiling</th>
              </tr>
            </thead>
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.lineNo}>
                  <td>{line.lineNo}</td>
                  <td>{line.sku}</td>
                  <td className="num">{line.quantity.toLocaleString()}</td>
                  <td className="num">{line.priceCeilingMinor === undefined ? '—' : formatMoney({ amountMinor: line.priceCeilingMinor, currency })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>The lines are not shown by this distributor.</p>
        )}
        {order.shipTo ? (
          <>
            <h3>Ship to</h3>
            <address>
              {order.shipTo.name}
              <br />
              {order.shipTo.line1}
              {order.shipTo.line2 ? (
                <>
                  <br />
                  {order.shipTo.line2}
                </>
              ) : null}
              <br />
              {order.shipTo.postalCode} {order.shipTo.city}, {order.shipTo.country}
            </address>
          </>
        ) : null}
        {order.wantedBy ? (
          <p>
            Wanted by <Day iso={order.wantedBy} />
          </p>
        ) : null}
      </section>

      <section aria-labelledby="confirmation-heading">
        <h2 id="confirmation-heading">Confirmation</h2>
        {confirmation.data ? (
          <>
            <table>
              <caption>Confirmed lines</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">SKU</th>
                  <th scope="col" className="num">Quantity</th>
                  <th scope="col" className="num">Unit price</th>
                  <th scope="col" className="num">Line total</th>
                  <th scope="col">Supplier</th>
                </tr>
              </thead>
              <tbody>
                {confirmation.data.lines.map((line) => (
                  <tr key={line.lineNo}>
                    <td>{line.lineNo}</td>
                    <td>{line.sku}</td>
                    <td className="num">{line.quantity.toLocaleString()}</td>
                    <td className="num">{formatMoney({ amountMinor: line.unitPriceMinor, currency: confirmation.data!.amountDue.currency })}</td>
                    <td className="num">{formatMoney({ amountMinor: line.lineTotalMinor, currency: confirmation.data!.amountDue.currency })}</td>
                    <td>
                      {line.supplierId} ({line.shipFrom})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p>
              Goods <Money value={confirmation.data.goods} />, freight{' '}
              {confirmation.data.freight.map((f, i) => (
                <span key={i}>
                  {i > 0 ? ', ' : ''}
                  <Money value={f.price} /> ({f.carrierId} from {f.origin})
                </span>
              ))}
              ; amount due <Money value={confirmation.data.amountDue} />; delivery <Day iso={confirmation.data.deliveryDate} />.
            </p>
          </>
        ) : (
          <p>Not confirmed yet.</p>
        )}
      </section>

      <section aria-labelledby="bookings-heading">
        <h2 id="bookings-heading">Bookings</h2>
        {order.bookings.length === 0 ? (
          <p>No carrier booked yet.</p>
        ) : (
          <table>
            <caption>Carrier bookings</caption>
            <thead>
              <tr>
                <th scope="col">Origin</th>
                <th scope="col">Carrier</th>
                <th scope="col">Status</th>
                <th scope="col">Pickup</th>
                <th scope="col">Delivery</th>
                <th scope="col" className="num">Price</th>
              </tr>
            </thead>
            <tbody>
              {order.bookings.map((b) => (
                <tr key={b.noticeId}>
                  <td>{b.originCode}</td>
                  <td>{b.carrierId}</td>
                  <td>{b.status === 'accepted' ? 'Accepted' : 'Awaiting acceptance'}</td>
                  <td>
                    <Day iso={b.pickupDate} />
                  </td>
                  <td>
                    <Day iso={b.deliveryDate} />
                  </td>
                  <td className="num">
                    <Money value={b.price} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="payment-heading">
        <h2 id="payment-heading">Payment</h2>
        {order.transfer ? (
          <p>
            Paid: <Money value={order.transfer.amount} /> transferred <DateTime iso={order.transfer.transferredAt} />.
          </p>
        ) : order.waitingFor.some((w) => w.kind === 'transfer-notice') ? (
          <p>Payment sent; waiting for the transfer notice.</p>
        ) : (
          <p>Not paid.</p>
        )}
      </section>

      {order.compensations.length > 0 ? (
        <section aria-labelledby="undo-heading">
          <h2 id="undo-heading">Undone</h2>
          <ul>
            {order.compensations.map((c) => (
              <li key={c.compensationId}>
                {c.kind} {c.subjectId}: {c.status}
                {c.error ? ` (${c.error})` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="reminders-heading">
        <h2 id="reminders-heading">Reminders</h2>
        {reminders.data && reminders.data.length > 0 ? (
          <ul>
            {reminders.data.map((r, i) => (
              <li key={i}>
                {r.waitingFor}: deadline <Deadline iso={r.deadline} /> (reminded <DateTime iso={r.receivedAt} />)
              </li>
            ))}
          </ul>
        ) : (
          <p>No reminders.</p>
        )}
      </section>
    </>
  );
}
