import { minorDigits } from '../../mappings/amounts';
import { integer } from '../reader';
import type { X12Segment } from '../tokenizer';

/** X12 N2 amounts (SAC05, TDS01, L305) have two implied decimals, whatever the currency's minor unit. */
export function toN2(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return digits <= 2 ? String(minor * 10 ** (2 - digits)) : String(Math.round(minor / 10 ** (digits - 2)));
}

export function fromN2(segment: X12Segment, n: number, currency: string): number {
  const cents = integer(segment, n);
  const digits = minorDigits(currency);
  return digits <= 2 ? Math.trunc(cents / 10 ** (2 - digits)) : cents * 10 ** (digits - 2);
}
