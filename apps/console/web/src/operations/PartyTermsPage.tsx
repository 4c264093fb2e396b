import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { body, distributorApi } from '../api/clients';
import { Announce, ErrorMessage, Field, Loading, Page } from '../shared/ui';

interface PartyTermsRecord {
  role: string;
  partyId: string;
  answerWithinSeconds: number;
  remindBeforeSeconds: number;
  onDeadline: string;
}

export function PartyTermsPage() {
  const queryClient = useQueryClient();
  const q = useQuery({ queryKey: ['party-terms'], queryFn: () => body<PartyTermsRecord[]>(distributorApi.GET('/party-terms')) });
  const [form, setForm] = useState<{ role: 'buyer' | 'supplier' | 'carrier'; partyId: string; answerWithinSeconds: string; remindBeforeSeconds: string; onDeadline: string }>({ role: 'supplier', partyId: '*', answerWithinSeconds: '86400', remindBeforeSeconds: '14400', onDeadline: 'next-candidate' });
  const save = useMutation({
    mutationFn: () =>
      body(
        distributorApi.PUT('/party-terms/{role}/{partyId}', {
          params: { path: { role: form.role, partyId: form.partyId } },
          body: { answerWithinSeconds: Number(form.answerWithinSeconds), remindBeforeSeconds: Number(form.remindBeforeSeconds), onDeadline: form.onDeadline as 'cancel' },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['party-terms'] }),
  });
  const input = (key: keyof typeof form, label: string) => (
    <Field label={label} id={`terms-${key}`}>
      <input id={`terms-${key}`} required value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </Field>
  );
  return (
    <Page title="Party terms">
      <Loading query={q}>
        {(rows) => (
          <table>
            <caption>Deadlines, reminders and escalations</caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Party</th>
                <th scope="col" className="num">Answer within (s)</th>
                <th scope="col" className="num">Remind before (s)</th>
                <th scope="col">On deadline</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((t) => (
                <tr key={`${t.role}/${t.partyId}`}>
                  <td>{t.role}</td>
                  <td>{t.partyId}</td>
                  <td className="num">{t.answerWithinSeconds.toLocaleString()}</td>
                  <td className="num">{t.remindBeforeSeconds.toLocaleString()}</td>
                  <td>{t.onDeadline}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <h2>Set a party&apos;s terms</h2>
        <Field label="Role" id="terms-role">
          <select id="terms-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as typeof form.role })}>
            <option value="supplier">supplier</option>
            <option value="carrier">carrier</option>
            <option value="buyer">buyer</option>
          </select>
        </Field>
        {input('partyId', 'Party id (* for the default)')}
        {input('answerWithinSeconds', 'Answer within (seconds)')}
        {input('remindBeforeSeconds', 'Remind before (seconds)')}
        <Field label="On deadline" id="terms-onDeadline">
          <select id="terms-onDeadline" value={form.onDeadline} onChange={(e) => setForm({ ...form, onDeadline: e.target.value })}>
            <option value="next-candidate">next-candidate</option>
            <option value="ask-buyer">ask-buyer</option>
            <option value="cancel">cancel</option>
          </select>
        </Field>
        <ErrorMessage error={save.error} />
        <button type="submit" disabled={save.isPending}>
          Save terms
        </button>
        <Announce>{save.isSuccess ? 'Terms saved.' : ''}</Announce>
      </form>
    </Page>
  );
}
