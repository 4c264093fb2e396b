/* eslint-disable no-restricted-globals -- the one place workflow code reads the clock: inside
   Temporal's sandbox Date is the workflow task's time, the same on every replay. */

/** The workflow's time in ms: the start of the current workflow task, deterministic on replay. */
export const now = (): number => Date.now();

export const isoAt = (ms: number): string => new Date(ms).toISOString();

export const isoNow = (): string => isoAt(now());
