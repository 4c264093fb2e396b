import { idempotencyKeyOf } from './idempotency-key';

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { errors?: { field: string }[] }).errors?.map((e) => e.field);
  }
  throw new Error('expected a refusal');
};

describe('idempotencyKeyOf', () => {
  it('takes the key from the header or the body, and both when they agree', () => {
    expect(idempotencyKeyOf(undefined, 'h-1')).toBe('h-1');
    expect(idempotencyKeyOf('b-1', undefined)).toBe('b-1');
    expect(idempotencyKeyOf('k-1', 'k-1')).toBe('k-1');
    expect(idempotencyKeyOf(undefined, undefined)).toBeUndefined();
  });

  it('refuses a header that disagrees with the body, is empty or too long, or a key kept for back-orders', () => {
    expect(fieldOf(() => idempotencyKeyOf('b-1', 'h-1'))).toEqual(['Idempotency-Key']);
    expect(fieldOf(() => idempotencyKeyOf(undefined, ''))).toEqual(['Idempotency-Key']);
    expect(fieldOf(() => idempotencyKeyOf(undefined, 'x'.repeat(101)))).toEqual(['Idempotency-Key']);
    expect(fieldOf(() => idempotencyKeyOf('back-order:123', undefined))).toEqual(['idempotencyKey']);
  });
});
