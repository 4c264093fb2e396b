import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { body, distributorApi } from '../api/clients';
import { ApiError, type Problem } from '../api/problem';
import type { SubmittedOrder } from '../api/types';
import { csvOrderForm, uploadCsvOrder } from '../api/upload';
import { useSignedIn } from '../session/use-session';
import { Announce, ErrorMessage, Field, Page } from '../shared/ui';
import { CsvRowReport } from './CsvRowReport';
import { buildPurchaseOrder, serverProblemsOnGrid, type GridLine, type GridProblems, type OrderTerms, type PurchaseOrderBody } from './line-grid';

let nextKey = 1;
const blankLine = (): GridLine => ({ key: String(nextKey++), sku: '', quantity: '', priceCeiling: '' });

function defaultTerms(buyerId: string): OrderTerms {
  const inTwoWeeks = new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10);
  return { buyerId, shipTo: { name: '', line1: '', line2: '', city: '', postalCode: '', country: '' }, wantedBy: inTwoWeeks, currency: 'EUR', partialFill: 'cancel' };
}

function TermsFields({ terms, onChange, problems, prefix }: { terms: OrderTerms; onChange: (t: OrderTerms) => void; problems: GridProblems; prefix: string }) {
  const shipTo = (field: keyof OrderTerms['shipTo'], label: string, required = true) => (
    <Field label={label} id={`${prefix}-shipTo-${field}`} error={problems[`shipTo.${field}`]}>
      <input
        id={`${prefix}-shipTo-${field}`}
        required={required}
        aria-invalid={problems[`shipTo.${field}`] ? true : undefined}
        value={terms.shipTo[field]}
        onChange={(e) => onChange({ ...terms, shipTo: { ...terms.shipTo, [field]: e.target.value } })}
      />
    </Field>
  );
  return (
    <fieldset>
      <legend>Ship to and terms</legend>
      {shipTo('name', 'Ship-to name')}
      {shipTo('line1', 'Address line 1')}
      {shipTo('line2', 'Address line 2', false)}
      {shipTo('city', 'City')}
      {shipTo('postalCode', 'Postal code')}
      {shipTo('country', 'Country code')}
      <Field label="Wanted by" id={`${prefix}-wantedBy`} error={problems.wantedBy}>
        <input id={`${prefix}-wantedBy`} type="date" required value={terms.wantedBy} onChange={(e) => onChange({ ...terms, wantedBy: e.target.value })} />
      </Field>
      <Field label="Currency" id={`${prefix}-currency`} error={problems.currency}>
        <input id={`${prefix}-currency`} required maxLength={3} value={terms.currency} onChange={(e) => onChange({ ...terms, currency: e.target.value.toUpperCase() })} />
      </Field>
      <Field label="If a supplier can fill only part" id={`${prefix}-partialFill`}>
        <select id={`${prefix}-partialFill`} value={terms.partialFill} onChange={(e) => onChange({ ...terms, partialFill: e.target.value as OrderTerms['partialFill'] })}>
          <option value="cancel">Cancel the order</option>
          <option value="accept">Accept what is committed</option>
          <option value="back-order">Ship what is committed, back-order the rest</option>
        </select>
      </Field>
    </fieldset>
  );
}

interface LinesFormProps {
  terms: OrderTerms;
  /** what the grid's own check or the server found wrong with the shared terms */
  onTermsProblems: (problems: GridProblems) => void;
}

function LineGridForm({ terms, onTermsProblems }: LinesFormProps) {
  const navigate = useNavigate();
  // One key per order being written: a retried submission answers the first order instead of a second.
  const [idempotencyKey] = useState(() => `console-${crypto.randomUUID()}`);
  const [lines, setLines] = useState<GridLine[]>([blankLine(), blankLine(), blankLine()]);
  const [problems, setGridProblems] = useState<GridProblems>({});
  const setProblems = (found: GridProblems) => {
    setGridProblems(found);
    onTermsProblems(found);
  };
  const submit = useMutation({
    mutationFn: (order: PurchaseOrderBody) =>
      body<SubmittedOrder>(distributorApi.POST('/purchase-orders', { body: order, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: (order) => void navigate(`/procurement/orders/${order.orderId}`),
    onError: (error) => {
      if (error instanceof ApiError && error.problem.errors) setProblems(serverProblemsOnGrid(error.problem.errors, lines));
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildPurchaseOrder(lines, terms);
    setProblems(built.problems);
    if (built.body) submit.mutate(built.body);
  };
  const update = (key: string, change: Partial<GridLine>) => setLines(lines.map((line) => (line.key === key ? { ...line, ...change } : line)));
  const cell = (line: GridLine, index: number, field: 'sku' | 'quantity' | 'priceCeiling', label: string) => {
    const id = `line-${line.key}-${field}`;
    const problem = problems[`lines.${line.key}.${field}`];
    return (
      <td>
        <label htmlFor={id} className="visually-hidden">
          {label} of line {index + 1}
        </label>
        <input
          id={id}
          value={line[field]}
          inputMode={field === 'sku' ? undefined : field === 'quantity' ? 'numeric' : 'decimal'}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-error` : undefined}
          onChange={(e) => update(line.key, { [field]: e.target.value })}
        />
        {problem ? (
          <span id={`${id}-error`} className="field-error">
            {problem}
          </span>
        ) : null}
      </td>
    );
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="grid-heading" noValidate>
      <h2 id="grid-heading">Lines</h2>
      <table>
        <caption>Order lines</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">SKU</th>
            <th scope="col">Quantity</th>
            <th scope="col">Price ceiling per unit (optional)</th>
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, index) => (
            <tr key={line.key}>
              <td>{index + 1}</td>
              {cell(line, index, 'sku', 'SKU')}
              {cell(line, index, 'quantity', 'Quantity')}
              {cell(line, index, 'priceCeiling', 'Price ceiling')}
              <td>
                <button type="button" onClick={() => setLines(lines.filter((l) => l.key !== line.key))} disabled={lines.length === 1}>
                  Remove line {index + 1}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {problems.lines ? <p className="error">{problems.lines}</p> : null}
      <button type="button" onClick={() => setLines([...lines, blankLine()])}>
        Add line
      </button>
      <ErrorMessage error={submit.error} />
      <button type="submit" disabled={submit.isPending}>
        Place order
      </button>
      {submit.isPending ? <Announce>Placing the order…</Announce> : null}
    </form>
  );
}

function CsvUploadForm({ terms }: LinesFormProps) {
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) => {
      setProgress({ sent: 0, total: chosen.size });
      const { shipTo, ...rest } = terms;
      const form = csvOrderForm(chosen, chosen.name, { ...rest, shipTo: { ...shipTo, line2: shipTo.line2 || undefined } });
      return uploadCsvOrder(form, `console-csv-${chosen.name}-${chosen.size}-${chosen.lastModified}`, (sent, total) => setProgress({ sent, total }));
    },
    onSuccess: (order) => void navigate(`/procurement/orders/${order.orderId}`),
  });
  const rowsProblem: Problem | null = upload.error instanceof ApiError && upload.error.problem.rows ? upload.error.problem : null;
  const percent = progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <form
      aria-labelledby="csv-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (file) upload.mutate(file);
      }}
    >
      <h2 id="csv-heading">Lines from a CSV file</h2>
      <p id="csv-format">A header row with the columns sku, quantity and optionally priceCeilingMinor (in minor units); comma or semicolon separated; at most 5,000 rows and 1 MiB.</p>
      <div className="field">
        <label htmlFor="csv-file">CSV file</label>
        <input
          id="csv-file"
          type="file"
          accept=".csv,text/csv"
          aria-describedby="csv-format"
          onChange={async (e) => {
            const chosen = e.target.files?.[0] ?? null;
            setFile(chosen);
            upload.reset();
            setProgress(null);
            setText(chosen ? await chosen.slice(0, 64 * 1024).text() : '');
          }}
        />
      </div>
      <button type="submit" disabled={!file || upload.isPending}>
        Upload CSV
      </button>
      {progress ? (
        <div>
          <label htmlFor="csv-progress">Upload progress</label>
          <progress id="csv-progress" max={100} value={percent}>
            {percent}%
          </progress>
        </div>
      ) : null}
      <Announce>
        {upload.isPending
          ? percent < 100
            ? `Uploading: ${percent}%`
            : 'Uploaded; the distributor is checking the rows…'
          : upload.isError
            ? 'The upload was refused.'
            : ''}
      </Announce>
      {rowsProblem ? <CsvRowReport text={text} problem={rowsProblem} /> : <ErrorMessage error={upload.error} />}
    </form>
  );
}

export function NewOrderPage() {
  const session = useSignedIn();
  const [terms, setTerms] = useState(() => defaultTerms(session.organisation.id));
  const [termsProblems, setTermsProblems] = useState<GridProblems>({});
  const [entry, setEntry] = useState<'grid' | 'csv'>('grid');
  const LinesForm = entry === 'grid' ? LineGridForm : CsvUploadForm;
  return (
    <Page title="New order">
      <TermsFields terms={terms} onChange={setTerms} problems={termsProblems} prefix="order" />
      <fieldset className="choice">
        <legend>How do you give the lines?</legend>
        <label>
          <input type="radio" name="line-entry" checked={entry === 'grid'} onChange={() => setEntry('grid')} /> Type them in a grid
        </label>
        <label>
          <input type="radio" name="line-entry" checked={entry === 'csv'} onChange={() => setEntry('csv')} /> Upload a CSV file
        </label>
      </fieldset>
      <LinesForm terms={terms} onTermsProblems={setTermsProblems} />
    </Page>
  );
}
