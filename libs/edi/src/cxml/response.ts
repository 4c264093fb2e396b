import { randomUUID } from 'node:crypto';
import { create } from 'xmlbuilder2';

export type CxmlStatus = 200 | 201 | 204 | 400 | 401 | 403 | 406 | 409 | 413 | 500;

const STATUS_TEXT: Record<CxmlStatus, string> = {
  200: 'OK',
  201: 'Accepted',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  500: 'Internal Server Error',
};

export const CXML_DTD_VERSION = '1.2.069';

/** The synchronous cXML `Response` to a request posted over HTTP: Status@code, @text, and the detail as its content. */
export function cxmlResponse(status: CxmlStatus, text: string, payloadId: string = newPayloadId(), now: Date = new Date()): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' })
    .dtd({ name: 'cXML', sysID: `http://xml.cxml.org/schemas/cXML/${CXML_DTD_VERSION}/cXML.dtd` })
    .ele('cXML', { payloadID: payloadId, timestamp: now.toISOString(), 'xml:lang': 'en-US' })
    .ele('Response')
    .ele('Status', { code: String(status), text: STATUS_TEXT[status] });
  if (text) doc.txt(text);
  return doc.end({ prettyPrint: true });
}

export function newPayloadId(now: Date = new Date(), domain = 'tradelane'): string {
  return `${now.getTime()}.${randomUUID()}@${domain}`;
}
