import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { body, carrierApi } from '../api/clients';
import type { TransportNotice } from '../api/types';
import { useSignedIn } from '../session/use-session';
import { Deadline } from '../shared/Money';
import { Announce, ErrorMessage, LIVE, Loading, Page } from '../shared/ui';

interface TransportNoticeRecord {
  noticeId: string;
  orderId: string;
  notice: TransportNotice;
  status: string;
  rejectionReason: string | null;
  reminderDeadline: string | null;
}

export function TransportNoticesPage() {
  const { organisation } = useSignedIn();
  const q = useQuery({
    queryKey: ['transport-notices', organisation.id],
    queryFn: () => body<TransportNoticeRecord[]>(carrierApi.GET('/carriers/{carrierId}/transport-notices', { params: { path: { carrierId: organisation.id } } })),
    ...LIVE,
  });
  return (
    <Page title="Transport notices">
      <Loading query={q}>{(rows) => (rows.length === 0 ? <p>No transport notices.</p> : rows.map((r) => <NoticeCard key={r.noticeId} record={r} />))}</Loading>
    </Page>
  );
}

function NoticeCard({ record }: { record: TransportNoticeRecord }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const done = () => queryClient.invalidateQueries({ queryKey: ['transport-notices'] });
  const path = { params: { path: { noticeId: record.noticeId } } };
  const accept = useMutation({ mutationFn: () => body(carrierApi.POST('/transport-notices/{noticeId}/accept', { ...path, body: {} })), onSuccess: done });
  const reject = useMutation({ mutationFn: () => body(carrierApi.POST('/transport-notices/{noticeId}/reject', { ...path, body: { reason } })), onSuccess: done });
  const headingId = `notice-${record.noticeId}`;
  const open = record.status === 'open' || record.status === 'awaiting-acceptance';
  return (
    <article aria-labelledby={headingId}>
      <h2 id={headingId}>Transport notice {record.noticeId}</h2>
      <p>
        Order {record.orderId}; status <span role="status">{record.status}</span>
        {record.rejectionReason ? ` (${record.rejectionReason})` : ''}; deadline <Deadline iso={record.reminderDeadline} />
      </p>
      {open ? (
        <div className="actions">
          <button type="button" onClick={() => accept.mutate()} disabled={accept.isPending || reject.isPending}>
            Accept transport
          </button>
          <label htmlFor={`reason-${record.noticeId}`}>Reason for rejecting</label>
          <input id={`reason-${record.noticeId}`} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          <button type="button" onClick={() => reject.mutate()} disabled={!reason.trim() || accept.isPending || reject.isPending}>
            Reject transport
          </button>
        </div>
      ) : null}
      <ErrorMessage error={accept.error ?? reject.error} />
      <Announce>{accept.isSuccess ? 'Accepted.' : reject.isSuccess ? 'Rejected.' : ''}</Announce>
    </article>
  );
}
