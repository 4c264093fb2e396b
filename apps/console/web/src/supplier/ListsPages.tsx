import { useQuery } from '@tanstack/react-query';
import { body, supplierApi } from '../api/clients';
import type { InquiryLine, StockLevel } from '../api/types';
import { useSignedIn } from '../session/use-session';
import { DateTime, Day, Deadline } from '../shared/Money';
import { LIVE, Loading, Page } from '../shared/ui';

interface Reservation {
  id: string;
  inquiryId: string;
  lineNo: number;
  orderId: string;
  sku: string;
  quantity: number;
  status: string;
  heldUntil: string;
}

interface DispatchNoticeRecord {
  noticeId: string;
  orderId: string;
  carrierId: string;
  pickupDate: string;
  lines: InquiryLine[];
  receivedAt: string;
  status: string;
  recallReason: string | null;
}

export function ReservationsPage() {
  const { organisation } = useSignedIn();
  const q = useQuery({
    queryKey: ['reservations', organisation.id],
    queryFn: () => body<Reservation[]>(supplierApi.GET('/suppliers/{supplierId}/reservations', { params: { path: { supplierId: organisation.id } } })),
    ...LIVE,
  });
  return (
    <Page title="Reservations">
      <Loading query={q}>
        {(rows) =>
          rows.length === 0 ? (
            <p>No reservations.</p>
          ) : (
            <table>
              <caption>Held stock and when it lapses</caption>
              <thead>
                <tr>
                  <th scope="col">SKU</th>
                  <th scope="col" className="num">Quantity</th>
                  <th scope="col">Order</th>
                  <th scope="col">Status</th>
                  <th scope="col">Held until</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>{r.sku}</td>
                    <td className="num">{r.quantity.toLocaleString()}</td>
                    <td>{r.orderId}</td>
                    <td>{r.status}</td>
                    <td>{r.status === 'held' ? <Deadline iso={r.heldUntil} /> : <DateTime iso={r.heldUntil} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
    </Page>
  );
}

export function DispatchNoticesPage() {
  const { organisation } = useSignedIn();
  const q = useQuery({
    queryKey: ['dispatch-notices', organisation.id],
    queryFn: () => body<DispatchNoticeRecord[]>(supplierApi.GET('/suppliers/{supplierId}/dispatch-notices', { params: { path: { supplierId: organisation.id } } })),
    ...LIVE,
  });
  return (
    <Page title="Dispatch notices">
      <Loading query={q}>
        {(rows) =>
          rows.length === 0 ? (
            <p>No dispatch notices.</p>
          ) : (
            <table>
              <caption>Goods to release to a carrier</caption>
              <thead>
                <tr>
                  <th scope="col">Notice</th>
                  <th scope="col">Order</th>
                  <th scope="col">Carrier</th>
                  <th scope="col">Pickup</th>
                  <th scope="col">Lines</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((n) => (
                  <tr key={n.noticeId}>
                    <td>{n.noticeId}</td>
                    <td>{n.orderId}</td>
                    <td>{n.carrierId}</td>
                    <td>
                      <Day iso={n.pickupDate} />
                    </td>
                    <td>{n.lines.map((l) => `${l.sku} × ${l.quantity.toLocaleString()}`).join(', ')}</td>
                    <td>
                      {n.status}
                      {n.recallReason ? ` (${n.recallReason})` : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
    </Page>
  );
}

export function StockPage() {
  const { organisation } = useSignedIn();
  const q = useQuery({
    queryKey: ['stock', organisation.id],
    queryFn: () => body<StockLevel[]>(supplierApi.GET('/suppliers/{supplierId}/stock', { params: { path: { supplierId: organisation.id } } })),
    ...LIVE,
  });
  return (
    <Page title="Stock">
      <Loading query={q}>
        {(rows) => (
          <table>
            <caption>Stock levels</caption>
            <thead>
              <tr>
                <th scope="col">SKU</th>
                <th scope="col" className="num">On hand</th>
                <th scope="col" className="num">Reserved</th>
                <th scope="col" className="num">Available</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.sku}>
                  <td>{s.sku}</td>
                  <td className="num">{s.onHand.toLocaleString()}</td>
                  <td className="num">{s.reserved.toLocaleString()}</td>
                  <td className="num">{s.available.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
    </Page>
  );
}
