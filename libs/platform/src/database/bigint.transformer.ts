import type { ValueTransformer } from 'typeorm';

/** pg returns BIGINT as a string; money and quantities are safe integers in the app. */
export const bigintToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => {
    if (value === null || value === undefined) return value;
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new RangeError(`BIGINT ${value} is beyond a safe integer`);
    return n;
  },
};
