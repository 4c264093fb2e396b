import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { defaultPayloadConverter } from '@temporalio/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { historyHeads, type History } from './history-anchors';

const orderId = '7f3c2a10-9d3e-4c55-8f67-0a1b2c3d4e5f';
const payload = (value: unknown) => defaultPayloadConverter.toPayload(value);

function localActivity(eventId: number, activityType: string, result: unknown, failed = false) {
  return {
    eventId,
    markerRecordedEventAttributes: {
      markerName: 'core_local_activity',
      details: {
        data: { payloads: [payload({ seq: eventId, attempt: 1, activity_id: String(eventId), activity_type: activityType })] },
        ...(failed ? {} : { result: { payloads: [payload(result)] } }),
      },
      ...(failed ? { failure: { message: 'boom' } } : {}),
    },
  };
}

describe('log heads in a workflow history', () => {
  it("reads the head each recordMessages returned, from local activity markers and completed activities, and skips other activities' results", () => {
    const history = {
      events: [
        { eventId: 1, workflowExecutionStartedEventAttributes: {} },
        localActivity(2, 'planSourcing', { seq: 9, hash: 'not a log head' }),
        localActivity(3, 'recordMessages', { orderId, seq: 3, hash: 'a'.repeat(64) }),
        localActivity(4, 'recordMessages', null),
        localActivity(5, 'recordMessages', undefined, true),
        { eventId: 6, activityTaskScheduledEventAttributes: { activityType: { name: 'recordMessages' } } },
        { eventId: 7, activityTaskCompletedEventAttributes: { scheduledEventId: 6, result: { payloads: [payload({ orderId, seq: 5, hash: 'b'.repeat(64) })] } } },
        { eventId: 8, activityTaskScheduledEventAttributes: { activityType: { name: 'placeBackOrder' } } },
        { eventId: 9, activityTaskCompletedEventAttributes: { scheduledEventId: 8, result: { payloads: [payload({ seq: 1, hash: 'c' })] } } },
      ],
    } as unknown as History;
    expect(historyHeads(history)).toEqual({
      status: 'checked',
      heads: [
        { orderId, seq: 3, hash: 'a'.repeat(64) },
        { orderId, seq: 5, hash: 'b'.repeat(64) },
      ],
      unanchoredWrites: 0,
      closed: false,
    });
  });

  it('counts the writes of a release 0.1.0 history as not anchored, and sees that it closed', () => {
    const json = readFileSync(join(__dirname, '../../../../test/histories/0.1.0/automatic.json'), 'utf8');
    const heads = historyHeads(historyFromJSON(JSON.parse(json)));
    expect(heads.heads).toEqual([]);
    expect(heads.unanchoredWrites).toBeGreaterThan(1);
    expect(heads.closed).toBe(true);
  });
});
