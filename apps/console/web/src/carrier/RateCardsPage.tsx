import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { body, carrierApi } from '../api/clients';
import { useSignedIn } from '../session/use-session';
import { formatMinor } from '../shared/format';
import { Announce, ErrorMessage, Loading, Page } from '../shared/ui';

interface RateCard {
  id: number;
  originCountry: string;
  destinationCountry: string;
  mode: string;
  baseMinor: number;
  perKgMinor: number;
  currency: string;
  transitDays: number;
  quoteValidHours: number;
}

export function RateCardsPage() {
  const { organisation } = useSignedIn();
  const q = useQuery({
    queryKey: ['rate-cards', organisation.id],
    queryFn: () => body<RateCard[]>(carrierApi.GET('/carriers/{carrierId}/rate-cards', { params: { path: { carrierId: organisation.id } } })),
  });
  return (
    <Page title="Rate cards">
      <Loading query={q}>
        {(rows) => (
          <table>
            <caption>Rate cards</caption>
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Mode</th>
                <th scope="col" className="num">Base</th>
                <th scope="col" className="num">Per kg</th>
                <th scope="col" className="num">Transit days</th>
                <th scope="col" className="num">Quote valid (h)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.originCountry}</td>
                  <td>{r.destinationCountry}</td>
                  <td>{r.mode}</td>
                  <td className="num">{formatMinor(r.baseMinor, r.currency)}</td>
                  <td className="num">{formatMinor(r.perKgMinor, r.currency)}</td>
                  <td className="num">{r.transitDays}</td>
                  <td className="num">{r.quoteValidHours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
    </Page>
  );
}

export function SettingsPage() {
  const { organisation, person } = useSignedIn();
  const queryClient = useQueryClient();
  const carriers = useQuery({ queryKey: ['carriers'], queryFn: () => body<{ id: string; answerMode: string }[]>(carrierApi.GET('/carriers')) });
  const mode = useMutation({
    mutationFn: (answerMode: 'automatic' | 'manual') => body(carrierApi.PUT('/carriers/{carrierId}/answer-mode', { params: { path: { carrierId: organisation.id } }, body: { answerMode } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['carriers'] }),
  });
  return (
    <Page title="Settings">
      <Loading query={carriers}>
        {(list) => {
          const me = list.find((c) => c.id === organisation.id);
          if (!me) return <p>No carrier record for {organisation.id}.</p>;
          return (
            <>
              <p>
                Answer mode: <strong>{me.answerMode}</strong>
              </p>
              {person.role === 'admin' ? (
                <button type="button" disabled={mode.isPending} onClick={() => mode.mutate(me.answerMode === 'automatic' ? 'manual' : 'automatic')}>
                  {me.answerMode === 'automatic' ? 'Answer by hand' : 'Answer automatically'}
                </button>
              ) : (
                <p>Only an administrator may change it.</p>
              )}
              <ErrorMessage error={mode.error} />
              <Announce>{mode.isSuccess ? 'Saved.' : ''}</Announce>
            </>
          );
        }}
      </Loading>
    </Page>
  );
}
