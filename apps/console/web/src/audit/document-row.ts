import type { TimelineDocument } from '../api/types';

/** `interchange 000001001, group 1001, transaction 0001`, as far as the document's standard has them. */
export function controlNumbers(d: Pick<TimelineDocument['document'], 'interchangeControl' | 'groupControl' | 'transactionControl'>): string {
  const parts = [
    d.interchangeControl ? `interchange ${d.interchangeControl}` : '',
    d.groupControl ? `group ${d.groupControl}` : '',
    d.transactionControl ? `transaction ${d.transactionControl}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'no control numbers';
}
