import { csrfHeaders, sessionEnded } from './http';
import { ApiError, toProblem } from './problem';
import type { SubmittedOrder } from './types';

export interface CsvOrderTerms {
  buyerId: string;
  shipTo: { name: string; line1: string; line2?: string; city: string; postalCode: string; country: string };
  wantedBy: string;
  currency: string;
  partialFill?: 'accept' | 'back-order' | 'cancel';
}

/** The multipart body of POST /purchase-orders/csv: the `lines` file and the rest of the order as JSON in `order`. */
export function csvOrderForm(file: Blob, fileName: string, terms: CsvOrderTerms): FormData {
  const form = new FormData();
  form.append('order', JSON.stringify(terms));
  form.append('lines', file, fileName);
  return form;
}

/**
 * Uploads a CSV order with XMLHttpRequest, the one browser API that reports upload progress
 * (fetch has none); sends the CSRF header like every other changing call.
 */
export function uploadCsvOrder(
  form: FormData,
  idempotencyKey: string,
  onProgress: (sent: number, total: number) => void,
): Promise<SubmittedOrder> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/distributor/purchase-orders/csv');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    for (const [name, value] of Object.entries(csrfHeaders('POST'))) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, { type: 'about:blank', title: 'The upload did not reach the server', status: 0 }));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status === 401) sessionEnded();
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as SubmittedOrder);
      else reject(new ApiError(xhr.status, toProblem(xhr.status, body, xhr.statusText)));
    };
    xhr.send(form);
  });
}
