import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { body, supplierApi } from '../api/clients';
import { useSignedIn } from '../session/use-session';
import { Announce, ErrorMessage, Field, Loading, Page } from '../shared/ui';

interface Supplier {
  id: string;
  name: string;
  answerMode: string;
  reservationHoldMinutes: number;
}

export function SettingsPage() {
  const { organisation, person } = useSignedIn();
  const queryClient = useQueryClient();
  const suppliers = useQuery({ queryKey: ['suppliers'], queryFn: () => body<Supplier[]>(supplierApi.GET('/suppliers')) });
  const [hold, setHold] = useState('');
  const done = () => queryClient.invalidateQueries({ queryKey: ['suppliers'] });
  const mode = useMutation({
    mutationFn: (answerMode: 'automatic' | 'manual') =>
      body(supplierApi.PUT('/suppliers/{supplierId}/answer-mode', { params: { path: { supplierId: organisation.id } }, body: { answerMode } })),
    onSuccess: done,
  });
  const policy = useMutation({
    mutationFn: (holdMinutes: number) =>
      body(supplierApi.PUT('/suppliers/{supplierId}/reservation-policy', { params: { path: { supplierId: organisation.id } }, body: { holdMinutes } })),
    onSuccess: done,
  });
  const admin = person.role === 'admin';
  return (
    <Page title="Settings">
      <Loading query={suppliers}>
        {(list) => {
          const me = list.find((s) => s.id === organisation.id);
          if (!me) return <p>No supplier record for {organisation.id}.</p>;
          return (
            <>
              <p>
                Answer mode: <strong>{me.answerMode}</strong>; reservations are held {me.reservationHoldMinutes.toLocaleString()} minutes.
              </p>
              {admin ? (
                <>
                  <div className="actions">
                    <button type="button" onClick={() => mode.mutate(me.answerMode === 'automatic' ? 'manual' : 'automatic')} disabled={mode.isPending}>
                      {me.answerMode === 'automatic' ? 'Answer by hand' : 'Answer automatically'}
                    </button>
                    <ErrorMessage error={mode.error} />
                  </div>
                  <form
                    className="actions"
                    onSubmit={(e) => {
                      e.preventDefault();
                      policy.mutate(Number(hold));
                    }}
                  >
                    <Field label="Reservation hold time (minutes)" id="hold-minutes">
                      <input id="hold-minutes" type="number" min={1} required value={hold} onChange={(e) => setHold(e.target.value)} />
                    </Field>
                    <button type="submit" disabled={policy.isPending}>
                      Save hold time
                    </button>
                    <ErrorMessage error={policy.error} />
                  </form>
                  <Announce>{mode.isSuccess || policy.isSuccess ? 'Saved.' : ''}</Announce>
                </>
              ) : (
                <p>Only an administrator of {organisation.name} may change these.</p>
              )}
            </>
          );
        }}
      </Loading>
    </Page>
  );
}
