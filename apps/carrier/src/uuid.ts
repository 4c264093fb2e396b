const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are uuid columns: an activity given anything else has nothing to act on (and must not fail on it). */
export const isUuid = (value: string): boolean => UUID.test(value);
