import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { body, supplierApi } from '../api/clients';
import { formatMinor } from '../shared/format';
import { Deadline } from '../shared/Money';
import { Announce, ErrorMessage, LIVE, Loading, Page } from '../shared/ui';
import { buildStockAnswer, type Commitment, type LineAnswer } from './answer-lines';
import type { StockInquiryRecord } from './InboxPage';

export function InquiryPage() {
  const { inquiryId = '' } = useParams();
  const inquiry = useQuery({
    queryKey: ['stock-inquiry', inquiryId],
    queryFn: () => body<StockInquiryRecord>(supplierApi.GET('/stock-inquiries/{inquiryId}', { params: { path: { inquiryId } } })),
    ...LIVE,
  });
  return (
    <Page title={`Stock inquiry ${inquiryId}`}>
      <Loading query={inquiry}>{(record) => <AnswerForm record={record} />}</Loading>
    </Page>
  );
}

function AnswerForm({ record }: { record: StockInquiryRecord }) {
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<Record<number, LineAnswer>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: (lines: { lineNo: number; quantityCommitted: number }[]) =>
      body(supplierApi.POST('/stock-inquiries/{inquiryId}/answer', { params: { path: { inquiryId: record.inquiryId } }, body: { lines } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['stock-inquiry', record.inquiryId] }),
  });
  const open = record.status === 'open';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildStockAnswer(record.lines, answers);
    if ('problem' in built) setProblem(built.problem);
    else {
      setProblem(null);
      answer.mutate(built.lines);
    }
  };
  const set = (lineNo: number, change: Partial<LineAnswer>) =>
    setAnswers({ ...answers, [lineNo]: { ...(answers[lineNo] ?? { commitment: 'all', quantity: '' }), ...change } });
  return (
    <form onSubmit={submit}>
      <p>
        Order {record.orderId}; status <span role="status">{record.status}</span>; deadline <Deadline iso={record.answerDeadline} />
      </p>
      <table>
        <caption>Lines asked for</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">SKU</th>
            <th scope="col" className="num">Asked</th>
            <th scope="col" className="num">Price ceiling</th>
            <th scope="col">Commit</th>
            <th scope="col">Quantity committed</th>
          </tr>
        </thead>
        <tbody>
          {record.lines.map((line) => {
            const current = answers[line.lineNo] ?? { commitment: 'all' as Commitment, quantity: '' };
            return (
              <tr key={line.lineNo}>
                <td>{line.lineNo}</td>
                <td>{line.sku}</td>
                <td className="num">{line.quantity.toLocaleString()}</td>
                <td className="num">{line.priceCeilingMinor === undefined ? '—' : formatMinor(line.priceCeilingMinor, record.currency)}</td>
                <td>
                  <fieldset disabled={!open}>
                    <legend className="visually-hidden">Commit for {line.sku}</legend>
                    {(['all', 'part', 'none'] as const).map((c) => (
                      <label key={c}>
                        <input type="radio" name={`commit-${line.lineNo}`} value={c} checked={current.commitment === c} onChange={() => set(line.lineNo, { commitment: c })} />{' '}
                        {c === 'all' ? 'All' : c === 'part' ? 'Part' : 'None'}
                      </label>
                    ))}
                  </fieldset>
                </td>
                <td>
                  <label htmlFor={`committed-${line.lineNo}`} className="visually-hidden">
                    Quantity committed for {line.sku}
                  </label>
                  <input
                    id={`committed-${line.lineNo}`}
                    inputMode="numeric"
                    disabled={!open}
                    value={current.commitment === 'all' ? String(line.quantity) : current.commitment === 'none' ? '0' : current.quantity}
                    onChange={(e) => {
                      // Typing a quantity picks the commitment it means.
                      const typed = e.target.value.trim();
                      set(line.lineNo, { quantity: e.target.value, commitment: typed === String(line.quantity) ? 'all' : typed === '0' ? 'none' : 'part' });
                    }}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problem ? (
        <p role="alert" className="error">
          {problem}
        </p>
      ) : null}
      <ErrorMessage error={answer.error} />
      <button type="submit" disabled={!open || answer.isPending}>
        Answer inquiry
      </button>
      <Announce>{answer.isSuccess ? 'Answer sent.' : answer.isPending ? 'Sending the answer…' : ''}</Announce>
    </form>
  );
}
