export type CxmlStatus = 200 | 201 | 204 | 400 | 401 | 403 | 406 | 409 | 413 | 500;

/** The synchronous cXML `Response` to a request posted over HTTP. */
export function cxmlResponse(_status: CxmlStatus, _text: string, _payloadId: string, _now: Date = new Date()): string {
  throw new Error('not yet');
}
