import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { body, carrierApi } from '../api/clients';
import type { ShippingInquiry, ShippingQuote } from '../api/types';
import { useSignedIn } from '../session/use-session';
import { parseAmountToMinor } from '../shared/format';
import { Day, Deadline, Money } from '../shared/Money';
import { Announce, ErrorMessage, Field, LIVE, Loading, Page } from '../shared/ui';

interface ShippingInquiryRecord {
  inquiryId: string;
  orderId: string;
  inquiry: ShippingInquiry;
  status: string;
  quote: ShippingQuote | null;
  receivedAt: string;
  reminderDeadline: string | null;
}

export function InquiriesPage() {
  const { organisation } = useSignedIn();
  const q = useQuery({
    queryKey: ['shipping-inquiries', organisation.id],
    queryFn: () => body<ShippingInquiryRecord[]>(carrierApi.GET('/carriers/{carrierId}/shipping-inquiries', { params: { path: { carrierId: organisation.id } } })),
    ...LIVE,
  });
  return (
    <Page title="Shipping inquiries">
      <Loading query={q}>
        {(rows) =>
          rows.length === 0 ? (
            <p>No shipping inquiries.</p>
          ) : (
            <table>
              <caption>Shipping inquiries to quote</caption>
              <thead>
                <tr>
                  <th scope="col">Inquiry</th>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">Wanted by</th>
                  <th scope="col">Status</th>
                  <th scope="col">Deadline</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.inquiryId}>
                    <th scope="row">
                      <Link to={`/carrier/inquiries/${r.inquiryId}`}>{r.inquiryId}</Link>
                    </th>
                    <td>
                      {r.inquiry.origin.code} ({r.inquiry.origin.country})
                    </td>
                    <td>
                      {r.inquiry.destination.city}, {r.inquiry.destination.country}
                    </td>
                    <td>
                      <Day iso={r.inquiry.wantedBy} />
                    </td>
                    <td>{r.status}</td>
                    <td>
                      <Deadline iso={r.reminderDeadline} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
    </Page>
  );
}

export function QuotePage() {
  const { inquiryId = '' } = useParams();
  const q = useQuery({
    queryKey: ['shipping-inquiry', inquiryId],
    queryFn: () => body<ShippingInquiryRecord>(carrierApi.GET('/shipping-inquiries/{inquiryId}', { params: { path: { inquiryId } } })),
    ...LIVE,
  });
  return (
    <Page title={`Shipping inquiry ${inquiryId}`}>
      <Loading query={q}>{(record) => <QuoteForm record={record} />}</Loading>
    </Page>
  );
}

function QuoteForm({ record }: { record: ShippingInquiryRecord }) {
  const queryClient = useQueryClient();
  const [price, setPrice] = useState('');
  const [pickup, setPickup] = useState('');
  const [delivery, setDelivery] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const currency = record.inquiry.currency;
  const send = useMutation({
    mutationFn: (quote: { priceMinor?: number; pickupDate?: string; deliveryDate?: string }) =>
      body(carrierApi.POST('/shipping-inquiries/{inquiryId}/quote', { params: { path: { inquiryId: record.inquiryId } }, body: quote })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['shipping-inquiry', record.inquiryId] }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const priceMinor = price.trim() ? parseAmountToMinor(price, currency) : undefined;
    if (priceMinor === null) return setProblem(`Price: an amount in ${currency}`);
    setProblem(null);
    send.mutate({ ...(priceMinor === undefined ? {} : { priceMinor }), ...(pickup ? { pickupDate: pickup } : {}), ...(delivery ? { deliveryDate: delivery } : {}) });
  };
  const i = record.inquiry;
  return (
    <>
      <p>
        Status <span role="status">{record.status}</span>. From {i.origin.code} ({i.origin.country}) to {i.destination.city}, {i.destination.country}; {(i.weightGrams / 1000).toLocaleString()} kg in{' '}
        {i.lineCount} line(s); ready <Day iso={i.readyDate} />, wanted by <Day iso={i.wantedBy} />.
      </p>
      {record.quote ? (
        <p>
          Quoted <Money value={record.quote.price} />: pickup <Day iso={record.quote.pickupDate} />, delivery <Day iso={record.quote.deliveryDate} /> ({record.quote.mode}).
        </p>
      ) : null}
      {record.status === 'open' ? (
        <form onSubmit={submit}>
          <p>Leave a field empty to quote from your rate card.</p>
          <Field label={`Price (${currency})`} id="quote-price" error={problem ?? undefined}>
            <input id="quote-price" inputMode="decimal" value={price} onChange={(e) => setPrice(e.target.value)} />
          </Field>
          <Field label="Pickup date" id="quote-pickup">
            <input id="quote-pickup" type="date" value={pickup} onChange={(e) => setPickup(e.target.value)} />
          </Field>
          <Field label="Delivery date" id="quote-delivery">
            <input id="quote-delivery" type="date" value={delivery} onChange={(e) => setDelivery(e.target.value)} />
          </Field>
          <ErrorMessage error={send.error} />
          <button type="submit" disabled={send.isPending}>
            Send quote
          </button>
        </form>
      ) : null}
      <Announce>{send.isSuccess ? 'Quote sent.' : ''}</Announce>
    </>
  );
}
