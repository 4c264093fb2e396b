/** The part of a fetched event history read here. */
interface History {
  events?: {
    eventId?: unknown;
    markerRecordedEventAttributes?: { markerName?: string | null; details?: Record<string, { payloads?: { data?: Uint8Array | null }[] | null }> | null } | null;
  }[] | null;
}

/** The activity type of each local activity an order ran, in order, read from its markers. */
export function localActivityTypes(history: History): string[] {
  const types: string[] = [];
  for (const event of history.events ?? []) {
    const marker = event.markerRecordedEventAttributes;
    if (marker?.markerName !== 'core_local_activity') continue;
    const data = marker.details?.data?.payloads?.[0]?.data;
    if (!data) throw new Error(`local activity marker ${event.eventId} carries no data`);
    types.push((JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type: string }).activity_type);
  }
  return types;
}
