import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { body, distributorApi } from '../api/clients';
import type { StuckCompensation } from '../api/types';
import { DateTime } from '../shared/Money';
import { Announce, ErrorMessage, LIVE, Loading, Page } from '../shared/ui';

export function CompensationsPage() {
  const queryClient = useQueryClient();
  const q = useQuery({
    queryKey: ['stuck-compensations'],
    queryFn: () => body<StuckCompensation[]>(distributorApi.GET('/operations/stuck-compensations', { params: { query: { status: 'open' } } })),
    ...LIVE,
  });
  const resolve = useMutation({
    mutationFn: (v: { c: StuckCompensation; resolution: 'retry' | 'resolved-manually' }) =>
      body(
        distributorApi.POST('/operations/stuck-compensations/{orderId}/{compensationId}/resolve', {
          params: { path: { orderId: v.c.orderId, compensationId: v.c.compensationId } },
          body: { resolution: v.resolution },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['stuck-compensations'] }),
  });
  return (
    <Page title="Stuck compensations">
      <Loading query={q}>
        {(rows) =>
          rows.length === 0 ? (
            <p>No stuck compensations.</p>
          ) : (
            <table>
              <caption>Compensations waiting for an operator</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Compensation</th>
                  <th scope="col">Party</th>
                  <th scope="col">Error</th>
                  <th scope="col">Stuck since</th>
                  <th scope="col">Resolve</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={`${c.orderId}/${c.compensationId}`}>
                    <td>{c.orderId}</td>
                    <td>
                      {c.kind} {c.subjectId}
                    </td>
                    <td>
                      {c.party.role} {c.party.id}
                    </td>
                    <td>{c.error}</td>
                    <td>
                      <DateTime iso={c.stuckAt} />
                    </td>
                    <td>
                      <button type="button" onClick={() => resolve.mutate({ c, resolution: 'retry' })} disabled={resolve.isPending}>
                        Retry {c.kind} for {c.orderId}
                      </button>{' '}
                      <button type="button" onClick={() => resolve.mutate({ c, resolution: 'resolved-manually' })} disabled={resolve.isPending}>
                        Mark {c.kind} for {c.orderId} resolved by hand
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
      <ErrorMessage error={resolve.error} />
      <Announce>{resolve.isSuccess ? 'Resolution sent.' : ''}</Announce>
    </Page>
  );
}
