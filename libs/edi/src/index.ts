export * from './partner';
export * from './documents';
export { detectStandard, parseInbound, buildOutbound, parseDocument, documentContent, rejectionResponse } from './api';
export { cxmlResponse, type CxmlStatus } from './cxml/response';
