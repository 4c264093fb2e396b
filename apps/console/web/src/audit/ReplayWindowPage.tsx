import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { body, distributorApi } from '../api/clients';
import type { ReplayWindow } from '../api/types';
import { Announce, ErrorMessage, Field, Page } from '../shared/ui';

export function ReplayWindowPage() {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [range, setRange] = useState<{ closedAfter: string; closedBefore: string } | null>(null);
  const replay = useQuery({
    queryKey: ['audit', 'replays', range],
    enabled: range !== null,
    queryFn: () => body<ReplayWindow>(distributorApi.GET('/audit/replays', { params: { query: range ?? { closedAfter: '', closedBefore: '' } } })),
  });
  return (
    <Page title="Replay a window">
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setRange({ closedAfter: new Date(from).toISOString(), closedBefore: new Date(to).toISOString() });
        }}
      >
        <Field label="Closed after" id="replay-from">
          <input id="replay-from" type="datetime-local" required value={from} onChange={(e) => setFrom(e.target.value)} />
        </Field>
        <Field label="Closed before" id="replay-to">
          <input id="replay-to" type="datetime-local" required value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <button type="submit">Replay orders</button>
      </form>
      <Announce>
        {replay.isFetching
          ? 'Replaying…'
          : replay.data
            ? `${replay.data.replayed} replayed, ${replay.data.diverged} diverged${replay.data.truncated ? ` (only the first ${replay.data.limit})` : ''}`
            : ''}
      </Announce>
      <ErrorMessage error={replay.error} />
      {replay.data ? (
        <table>
          <caption>Replay verdicts</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Verdict</th>
              <th scope="col">Divergence</th>
            </tr>
          </thead>
          <tbody>
            {replay.data.verdicts.map((v) => (
              <tr key={v.runId}>
                <td>{v.orderId}</td>
                <td>{v.verdict}</td>
                <td>{v.error ? `${v.error.message}${v.error.eventId ? ` (event ${v.error.eventId})` : ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Page>
  );
}
