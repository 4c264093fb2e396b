import { text } from 'express';

export const INBOUND_MEDIA_TYPES = ['application/edi-x12', 'application/edifact', 'text/plain', 'text/xml', 'application/xml'];

/**
 * /edi/inbound reads its body as text. The parser takes four times what the mailbox reads, so a
 * document somewhat too large is still stored and answered with the standard's rejection; beyond
 * that the body parser answers 413 without reading it.
 */
export const inboundBody = (maxDocumentBytes: number) => text({ type: INBOUND_MEDIA_TYPES, limit: maxDocumentBytes * 4 });
