import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { body, supplierApi } from '../api/clients';
import type { InquiryLine } from '../api/types';
import { useSignedIn } from '../session/use-session';
import { DateTime, Deadline } from '../shared/Money';
import { Announce, LIVE, Loading, Page } from '../shared/ui';
import { byDeadlineNewestFirst } from './answer-lines';

export interface StockInquiryRecord {
  inquiryId: string;
  orderId: string;
  supplierId: string;
  currency: string;
  lines: InquiryLine[];
  status: string;
  receivedAt: string;
  answerDeadline: string | null;
  remindedAt: string | null;
}

export function InboxPage() {
  const { organisation } = useSignedIn();
  const inquiries = useQuery({
    queryKey: ['stock-inquiries', organisation.id, 'open'],
    queryFn: () =>
      body<StockInquiryRecord[]>(supplierApi.GET('/suppliers/{supplierId}/stock-inquiries', { params: { path: { supplierId: organisation.id }, query: { status: 'open' } } })),
    ...LIVE,
  });
  return (
    <Page title="Stock inquiries">
      <Loading query={inquiries}>
        {(list) => (
          <>
            <Announce>{list.length} open inquiry(ies)</Announce>
            {list.length === 0 ? (
              <p>No open stock inquiries.</p>
            ) : (
              <table>
                <caption>Open stock inquiries, newest deadline first</caption>
                <thead>
                  <tr>
                    <th scope="col">Inquiry</th>
                    <th scope="col">Order</th>
                    <th scope="col" className="num">Lines</th>
                    <th scope="col">Received</th>
                    <th scope="col">Deadline</th>
                    <th scope="col">Reminded</th>
                  </tr>
                </thead>
                <tbody>
                  {byDeadlineNewestFirst(list).map((i) => (
                    <tr key={i.inquiryId}>
                      <th scope="row">
                        <Link to={`/supplier/inquiries/${i.inquiryId}`}>{i.inquiryId}</Link>
                      </th>
                      <td>{i.orderId}</td>
                      <td className="num">{i.lines.length}</td>
                      <td>
                        <DateTime iso={i.receivedAt} />
                      </td>
                      <td>
                        <Deadline iso={i.answerDeadline} />
                      </td>
                      <td>{i.remindedAt ? <DateTime iso={i.remindedAt} /> : 'No'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Loading>
    </Page>
  );
}
