import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { body, distributorApi } from '../api/clients';
import type { ReplayVerdict, TimelineRow, Verification, VerificationAnchors } from '../api/types';
import { DateTime } from '../shared/Money';
import { controlNumbers } from './document-row';
import { ErrorMessage, Field, Loading, Page } from '../shared/ui';

export function FindOrderPage() {
  const navigate = useNavigate();
  const [orderId, setOrderId] = useState('');
  return (
    <Page title="Find an order">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void navigate(`/audit/orders/${encodeURIComponent(orderId.trim())}`);
        }}
      >
        <Field label="Order id" id="audit-order-id">
          <input id="audit-order-id" required value={orderId} onChange={(e) => setOrderId(e.target.value)} />
        </Field>
        <button type="submit">Find order</button>
      </form>
    </Page>
  );
}

const ANCHOR_NAMES = { chain: 'hash chain', history: 'workflow history', checkpoint: 'signed checkpoint' } as const;

/** `history` or `checkpoint:17`, as an auditor reads it. */
function anchorLabel(anchor: string): string {
  const checkpoint = /^checkpoint:(\d+)$/.exec(anchor);
  if (checkpoint) return `checkpoint ${checkpoint[1]}`;
  return anchor === 'history' ? 'workflow history' : anchor;
}

function historyAnchorText(h: VerificationAnchors['history']): string {
  if (h.status === 'unavailable') return `Unavailable: ${h.reason ?? ''}`;
  if (h.status === 'disagrees') return `Disagrees: ${h.reason ?? ''}`;
  const upTo = h.lastAnchoredSeq === null ? 'no entry anchored' : `entries up to ${h.lastAnchoredSeq} anchored`;
  return `Checked: ${upTo}${h.unanchoredWrites ? ` (${h.unanchoredWrites} writes from before anchoring)` : ''}`;
}

function checkpointAnchorText(c: VerificationAnchors['checkpoints']): string {
  if (c.status === 'none') return 'No checkpoint holds this order yet';
  if (c.status === 'checked') return c.latest ? `Checked: checkpoint ${c.latest.id} holds entries up to ${c.latest.seq}` : 'Checked';
  return `${c.status === 'unavailable' ? 'Unavailable' : c.status === 'broken' ? 'Broken' : 'Disagrees'}: ${c.reason ?? ''}`;
}

export function OrderAuditPage() {
  const { orderId = '' } = useParams();
  const path = { params: { path: { orderId } } };
  const timeline = useQuery({ queryKey: ['audit', orderId, 'timeline'], queryFn: () => body<TimelineRow[]>(distributorApi.GET('/audit/orders/{orderId}/timeline', path)) });
  const verify = useQuery({ queryKey: ['audit', orderId, 'verify'], queryFn: () => body<Verification>(distributorApi.GET('/audit/orders/{orderId}/verify', path)) });
  const replay = useQuery({ queryKey: ['audit', orderId, 'replay'], queryFn: () => body<ReplayVerdict>(distributorApi.GET('/audit/orders/{orderId}/replay', path)) });
  const base = `/api/distributor/audit/orders/${encodeURIComponent(orderId)}`;
  return (
    <Page title={`Audit of order ${orderId}`}>
      <ul className="actions">
        <li>
          <a href={`${base}/history`} download={`order-${orderId}-history.json`}>
            Download the workflow history
          </a>
        </li>
        <li>
          <a href={`${base}/timeline.csv`} download={`order-${orderId}-timeline.csv`}>
            Download the timeline as CSV
          </a>
        </li>
      </ul>
      <section aria-labelledby="verdicts-heading">
        <h2 id="verdicts-heading">Verdicts</h2>
        <dl>
          <dt>Hash chain</dt>
          <dd role="status" id="chain-verdict">
            {verify.data
              ? verify.data.intact
                ? `Intact (${verify.data.entries} entries)`
                : verify.data.firstBroken.seq > 0
                  ? `Broken at entry ${verify.data.firstBroken.seq} (${ANCHOR_NAMES[verify.data.firstBroken.anchor]}): ${verify.data.firstBroken.reason}`
                  : `Broken (${ANCHOR_NAMES[verify.data.firstBroken.anchor]}): ${verify.data.firstBroken.reason}`
              : verify.error
                ? 'Could not be checked'
                : 'Checking…'}
          </dd>
          <dt>Workflow history anchor</dt>
          <dd id="history-anchor">{verify.data ? historyAnchorText(verify.data.anchors.history) : '…'}</dd>
          <dt>Signed checkpoints</dt>
          <dd id="checkpoint-anchor">{verify.data ? checkpointAnchorText(verify.data.anchors.checkpoints) : '…'}</dd>
          <dt>Replay against the current workflow code</dt>
          <dd role="status" id="replay-verdict">
            {replay.data
              ? replay.data.verdict === 'replayed'
                ? 'Replayed: the recorded run is the one the code makes'
                : `Diverged${replay.data.error ? `: ${replay.data.error.message}${replay.data.error.eventId ? ` (event ${replay.data.error.eventId})` : ''}` : ''}`
              : replay.error
                ? 'Could not be replayed'
                : 'Replaying…'}
          </dd>
        </dl>
        <ErrorMessage error={verify.error ?? replay.error} />
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <Loading query={timeline}>
          {(entries) => (
            <table>
              <caption>Messages, events and EDI documents of the order</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">When</th>
                  <th scope="col">Step</th>
                  <th scope="col">What</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Person</th>
                  <th scope="col">To</th>
                  <th scope="col">Digest</th>
                  <th scope="col">Anchored by</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) =>
                  e.kind === 'document' ? (
                    <tr key={e.document.id} className="timeline-document" data-kind="document">
                      <td>—</td>
                      <td>
                        <DateTime iso={e.at} />
                      </td>
                      <td>—</td>
                      <td>
                        {e.document.direction === 'inbound' ? 'Document in' : 'Document out'}: {e.name}
                        <div>{controlNumbers(e.document)}</div>
                        <div>
                          {e.document.status}
                          {e.document.reason ? `: ${e.document.reason}` : ''}
                        </div>
                        <a href={`/api/distributor/edi/documents/${encodeURIComponent(e.document.id)}`} download={`document-${e.document.id}.txt`}>
                          Download the document as {e.document.direction === 'inbound' ? 'received' : 'sent'}
                        </a>
                      </td>
                      <td>
                        {e.actor.role} {e.actor.id}
                      </td>
                      <td>—</td>
                      <td>
                        {e.to.role} {e.to.id}
                      </td>
                      <td>
                        <code title={e.digest}>{e.digest.slice(0, 16)}…</code>
                      </td>
                      <td>not in the hash chain</td>
                    </tr>
                  ) : (
                    <tr key={e.seq}>
                      <td>{e.seq}</td>
                      <td>
                        <DateTime iso={e.at} />
                      </td>
                      <td>{e.step ?? '—'}</td>
                      <td>
                        {e.name}
                        {e.summary ? <div>{e.summary}</div> : null}
                      </td>
                      <td>
                        {e.actor.role} {e.actor.id}
                      </td>
                      <td>{e.actor.person ?? '—'}</td>
                      <td>
                        {e.to.role} {e.to.id}
                      </td>
                      <td>
                        <code title={e.digest}>{e.digest.slice(0, 16)}…</code>
                      </td>
                      <td>{e.coveredBy.length > 0 ? e.coveredBy.map(anchorLabel).join(', ') : 'not yet anchored'}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          )}
        </Loading>
      </section>
    </Page>
  );
}
