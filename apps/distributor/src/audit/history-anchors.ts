import type { Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import type { OrderLogHead } from '@tradelane/contracts';
import type { AnchoredHead, HistoryAnchor } from './order-log-verification';

export type History = Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>;

const RECORD_MESSAGES = 'recordMessages';

function decode(payload: Payload | null | undefined): unknown {
  // A write of release 0.1.0 returned nothing: its result is binary/null, which decodes to undefined.
  return payload ? defaultPayloadConverter.fromPayload(payload) : undefined;
}

function isHead(value: unknown): value is OrderLogHead {
  const v = value as Partial<OrderLogHead> | null;
  return !!v && typeof v === 'object' && typeof v.seq === 'number' && typeof v.hash === 'string';
}

const CLOSING_EVENTS = [
  'workflowExecutionCompletedEventAttributes',
  'workflowExecutionFailedEventAttributes',
  'workflowExecutionCanceledEventAttributes',
  'workflowExecutionTerminatedEventAttributes',
  'workflowExecutionTimedOutEventAttributes',
  'workflowExecutionContinuedAsNewEventAttributes',
] as const;

/**
 * The log's head after each recordMessages the workflow ran, read from the results its history
 * keeps: the local activity markers (as the order runs it) and completed normal activities.
 * A result that is no head (a write before heads were returned) is counted as unanchored; null is
 * an empty batch, which wrote nothing.
 */
export function historyHeads(history: History): Extract<HistoryAnchor, { status: 'checked' }> {
  const heads: AnchoredHead[] = [];
  let unanchoredWrites = 0;
  const take = (result: unknown) => {
    if (result === null) return;
    if (isHead(result)) heads.push({ seq: result.seq, hash: result.hash, ...(typeof result.orderId === 'string' ? { orderId: result.orderId } : {}) });
    else unanchoredWrites++;
  };
  const scheduled = new Set<string>();
  const events = history.events ?? [];
  for (const event of events) {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName === 'core_local_activity') {
      const data = decode(marker.details?.data?.payloads?.[0]) as { activity_type?: string } | undefined;
      if (data?.activity_type !== RECORD_MESSAGES || marker.failure) continue;
      take(decode(marker.details?.result?.payloads?.[0]));
      continue;
    }
    if (event.activityTaskScheduledEventAttributes?.activityType?.name === RECORD_MESSAGES) {
      scheduled.add(String(event.eventId));
      continue;
    }
    const completed = event.activityTaskCompletedEventAttributes;
    if (completed && scheduled.has(String(completed.scheduledEventId))) take(decode(completed.result?.payloads?.[0]));
  }
  const lastEvent = events.at(-1);
  const closed = !!lastEvent && CLOSING_EVENTS.some((name) => !!lastEvent[name]);
  return { status: 'checked', heads, unanchoredWrites, closed };
}
