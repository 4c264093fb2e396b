import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { body, distributorApi } from '../api/clients';
import type { Person } from '../api/types';
import { DateTime } from '../shared/Money';
import { Announce, ErrorMessage, Field, Loading, Page } from '../shared/ui';

interface Organisation {
  id: string;
  role: string;
  name: string;
  createdAt: string;
}
interface ApiKey {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export function OrganisationsPage() {
  const q = useQuery({ queryKey: ['organisations'], queryFn: () => body<Organisation[]>(distributorApi.GET('/organisations')) });
  return (
    <Page title="Organisations">
      <Loading query={q}>
        {(rows) => (
          <table>
            <caption>Organisations</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Role</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link to={`/operations/organisations/${o.id}`}>{o.name}</Link> ({o.id})
                  </th>
                  <td>{o.role}</td>
                  <td>
                    <DateTime iso={o.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
    </Page>
  );
}

export function OrganisationPage() {
  const { organisationId = '' } = useParams();
  return (
    <Page title={`Organisation ${organisationId}`}>
      <People organisationId={organisationId} />
      <ApiKeys organisationId={organisationId} />
    </Page>
  );
}

function People({ organisationId }: { organisationId: string }) {
  const queryClient = useQueryClient();
  const key = ['people', organisationId];
  const organisation = { params: { path: { organisationId } } };
  const person = (p: Person) => ({ params: { path: { organisationId, personId: p.id } } });
  const people = useQuery({ queryKey: key, queryFn: () => body<Person[]>(distributorApi.GET('/organisations/{organisationId}/people', organisation)) });
  const [draft, setDraft] = useState<{ email: string; name: string; role: 'admin' | 'member'; password: string }>({ email: '', name: '', role: 'member', password: '' });
  const [passwords, setPasswords] = useState<Record<string, string>>({});
  const done = () => queryClient.invalidateQueries({ queryKey: key });
  const create = useMutation({ mutationFn: () => body(distributorApi.POST('/organisations/{organisationId}/people', { ...organisation, body: draft })), onSuccess: done });
  const reset = useMutation({
    mutationFn: (p: Person) =>
      body(distributorApi.PUT('/organisations/{organisationId}/people/{personId}/password', { ...person(p), body: { password: passwords[p.id] ?? '' } })),
  });
  const revoke = useMutation({ mutationFn: (p: Person) => body(distributorApi.DELETE('/organisations/{organisationId}/people/{personId}/sessions', person(p))) });
  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <Loading query={people}>
        {(rows) => (
          <table>
            <caption>People of {organisationId}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">New password</th>
                <th scope="col">Sessions</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <td>{p.name}</td>
                  <td>{p.email}</td>
                  <td>{p.role}</td>
                  <td>
                    <label htmlFor={`password-${p.id}`} className="visually-hidden">
                      New password for {p.email}
                    </label>
                    <input id={`password-${p.id}`} type="password" autoComplete="new-password" value={passwords[p.id] ?? ''} onChange={(e) => setPasswords({ ...passwords, [p.id]: e.target.value })} />
                    <button type="button" disabled={!passwords[p.id]} onClick={() => reset.mutate(p)}>
                      Reset password for {p.email}
                    </button>
                  </td>
                  <td>
                    <button type="button" onClick={() => revoke.mutate(p)}>
                      Revoke sessions of {p.email}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
      <ErrorMessage error={reset.error ?? revoke.error} />
      <Announce>{reset.isSuccess ? 'Password reset.' : revoke.isSuccess ? 'Sessions revoked.' : ''}</Announce>
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <h3>Add a person</h3>
        <Field label="Name" id="person-name">
          <input id="person-name" required value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
        </Field>
        <Field label="E-mail" id="person-email">
          <input id="person-email" type="email" required value={draft.email} onChange={(e) => setDraft({ ...draft, email: e.target.value })} />
        </Field>
        <Field label="Role" id="person-role">
          <select id="person-role" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value === 'admin' ? 'admin' : 'member' })}>
            <option value="member">member</option>
            <option value="admin">admin</option>
          </select>
        </Field>
        <Field label="Initial password" id="person-password">
          <input id="person-password" type="password" autoComplete="new-password" required value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} />
        </Field>
        <ErrorMessage error={create.error} />
        <button type="submit" disabled={create.isPending}>
          Create person
        </button>
        <Announce>{create.isSuccess ? 'Person created.' : ''}</Announce>
      </form>
    </section>
  );
}

function ApiKeys({ organisationId }: { organisationId: string }) {
  const queryClient = useQueryClient();
  const path = { params: { path: { organisationId } } };
  const keys = useQuery({ queryKey: ['api-keys', organisationId], queryFn: () => body<ApiKey[]>(distributorApi.GET('/organisations/{organisationId}/api-keys', path)) });
  const [label, setLabel] = useState('');
  const done = () => queryClient.invalidateQueries({ queryKey: ['api-keys', organisationId] });
  const issue = useMutation({
    mutationFn: () => body<ApiKey & { apiKey: string }>(distributorApi.POST('/organisations/{organisationId}/api-keys', { ...path, body: label ? { label } : {} })),
    onSuccess: done,
  });
  const revoke = useMutation({
    mutationFn: (keyId: string) => body(distributorApi.DELETE('/organisations/{organisationId}/api-keys/{keyId}', { params: { path: { organisationId, keyId } } })),
    onSuccess: done,
  });
  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">API keys</h2>
      <Loading query={keys}>
        {(rows) => (
          <table>
            <caption>API keys of {organisationId}</caption>
            <thead>
              <tr>
                <th scope="col">Label</th>
                <th scope="col">Key id</th>
                <th scope="col">Issued</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((k) => (
                <tr key={k.id}>
                  <td>{k.label}</td>
                  <td>{k.id}</td>
                  <td>
                    <DateTime iso={k.createdAt} />
                  </td>
                  <td>
                    <DateTime iso={k.lastUsedAt} />
                  </td>
                  <td>
                    {k.revokedAt ? (
                      <>
                        Revoked <DateTime iso={k.revokedAt} />
                      </>
                    ) : (
                      <button type="button" onClick={() => revoke.mutate(k.id)}>
                        Revoke key {k.label}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loading>
      <form
        className="actions"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          issue.mutate();
        }}
      >
        <Field label="Key label" id="key-label">
          <input id="key-label" value={label} onChange={(e) => setLabel(e.target.value)} />
        </Field>
        <button type="submit" disabled={issue.isPending}>
          Issue API key
        </button>
      </form>
      <ErrorMessage error={issue.error ?? revoke.error} />
      {issue.data ? (
        <div role="status">
          <p>The new key, shown this once:</p>
          <code>{issue.data.apiKey}</code>
        </div>
      ) : null}
    </section>
  );
}
