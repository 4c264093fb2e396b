import { MAX_WAIT_SECONDS, preferredWaitMs } from './prefer-wait';

describe('Prefer: wait', () => {
  it.each([
    ['wait=5', 5000],
    ['respond-async, wait=3', 3000],
    ['WAIT = "7"', 7000],
    ['wait=0', 0],
    ['wait=99999', MAX_WAIT_SECONDS * 1000],
    [undefined, 0],
    ['', 0],
    ['wait=-1', 0],
    ['wait=abc', 0],
    ['await=5', 0],
    ['wait=5s', 0],
  ])('%s waits %i ms', (header, ms) => {
    expect(preferredWaitMs(header)).toBe(ms);
  });
});
