import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { CxmlCredential } from '../partner';
import { attr, child, children, needAttr, path, text, UnsafeXmlError, type XmlNode } from './xml';

export interface CxmlHeader {
  from: CxmlCredential;
  to: CxmlCredential;
  sender: CxmlCredential;
  sharedSecret: string;
  userAgent: string;
}

export interface CxmlEnvelope {
  payloadId: string;
  timestamp: string;
  /** From the DOCTYPE's DTD address, e.g. `1.2.069`, when it names one. */
  version?: string;
  from: CxmlCredential[];
  to: CxmlCredential[];
  sender: Array<CxmlCredential & { sharedSecret?: string }>;
  /** The request's element name (`OrderRequest`, …) and the element itself. */
  requestName?: string;
  request?: XmlNode;
  deploymentMode?: string;
  /** `Response` documents. */
  status?: { code: string; text: string; detail: string };
}

/** The cXML envelope: payloadID, timestamp, Header (From, To, Sender with SharedSecret), Request. */
export function writeCxml(version: string, header: CxmlHeader, payloadId: string, timestamp: string, request: (parent: XMLBuilder) => void): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' })
    .dtd({ name: 'cXML', sysID: `http://xml.cxml.org/schemas/cXML/${version}/cXML.dtd` })
    .ele('cXML', { payloadID: payloadId, timestamp, 'xml:lang': 'en-US' });
  const h = root.ele('Header');
  credential(h.ele('From'), header.from);
  credential(h.ele('To'), header.to);
  const sender = h.ele('Sender');
  credential(sender, header.sender, header.sharedSecret);
  sender.ele('UserAgent').txt(header.userAgent);
  request(root.ele('Request', { deploymentMode: 'production' }));
  return root.end({ prettyPrint: true });
}

function credential(parent: XMLBuilder, c: CxmlCredential, secret?: string): void {
  const e = parent.ele('Credential', { domain: c.domain });
  e.ele('Identity').txt(c.identity);
  if (secret !== undefined) e.ele('SharedSecret').txt(secret);
}

const credentials = (node: XmlNode | undefined) =>
  children(node, 'Credential').map((c) => ({ domain: attr(c, 'domain') ?? '', identity: text(child(c, 'Identity'))?.trim() ?? '', ...(child(c, 'SharedSecret') ? { sharedSecret: text(child(c, 'SharedSecret')) ?? '' } : {}) }));

export function readCxmlEnvelope(doc: Record<string, XmlNode[]>, raw: string): CxmlEnvelope {
  const root = doc.cXML?.[0];
  if (!root) throw new UnsafeXmlError('the document is not cXML (no cXML root element)', 'cXML');
  const header = child(root, 'Header');
  const request = child(root, 'Request');
  const requestName = request && typeof request !== 'string' ? Object.keys(request).find((k) => !k.startsWith('@') && k !== '#text') : undefined;
  const version = /cXML\/(1\.\d+\.\d+)\/cXML\.dtd/.exec(raw)?.[1] ?? attr(root, 'version');
  const status = path(root, 'Response', 'Status');
  return {
    payloadId: needAttr(root, 'payloadID', 'cXML'),
    timestamp: needAttr(root, 'timestamp', 'cXML'),
    ...(version ? { version } : {}),
    from: credentials(child(header, 'From')),
    to: credentials(child(header, 'To')),
    sender: credentials(child(header, 'Sender')),
    ...(requestName ? { requestName, request: child(request, requestName), deploymentMode: attr(request, 'deploymentMode') } : {}),
    ...(status ? { status: { code: attr(status, 'code') ?? '', text: attr(status, 'text') ?? '', detail: text(status) ?? '' } } : {}),
  };
}
