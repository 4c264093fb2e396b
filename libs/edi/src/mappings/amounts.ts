import { DocumentError } from '../errors';

/** ISO 4217 minor-unit digits (EUR 2, JPY 0, KWD 3), as Intl knows them. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Integer minor units → the decimal a document carries (`1250` EUR → `12.50`). */
export function toDecimal(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A document's decimal → integer minor units; refuses more fraction digits than the currency has. */
export function fromDecimal(value: string, currency: string, where: ConstructorParameters<typeof DocumentError>[2] = {}): number {
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value);
  const digits = minorDigits(currency);
  const fraction = (match?.[3] ?? '').replace(/0+$/, '');
  if (!match || (match[2] === '' && (match[3] ?? '') === '') || fraction.length > digits) {
    throw new DocumentError(`${JSON.stringify(value)} is not an amount in ${currency} (at most ${digits} decimals)`, '6', { ...where, value });
  }
  const minor = Number(`${match[2] || '0'}${fraction.padEnd(digits, '0')}`);
  if (!Number.isSafeInteger(minor)) throw new DocumentError(`${JSON.stringify(value)} is too large`, '6', { ...where, value });
  return match[1] === '-' ? -minor : minor;
}
