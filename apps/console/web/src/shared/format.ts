import type { Money } from '../api/types';

/** The person's locale: the browser's first choice (Playwright and tests can set it). */
export function personLocale(): string {
  return typeof navigator !== 'undefined' && navigator.language ? navigator.language : 'en-GB';
}

/** Digits after the decimal point for a currency, as Intl knows them (EUR 2, JPY 0, BHD 3). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Integer minor units + ISO currency, as the API sends money, for a person's locale. */
export function formatMoney(money: Money, locale = personLocale()): string {
  const digits = minorDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    money.amountMinor / 10 ** digits,
  );
}

export function formatMinor(amountMinor: number, currency: string, locale = personLocale()): string {
  return formatMoney({ amountMinor, currency }, locale);
}

/**
 * A decimal amount as a person types it ("12.50", "12,5") in minor units; null when it is not
 * one. Never floats: the digits are joined as text.
 */
export function parseAmountToMinor(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^\s*(\d+)(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(`${match[1]}${fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? minor : null;
}

/** A date-time (ISO 8601) for a person's locale, in their time zone unless one is given. */
export function formatDateTime(iso: string, locale = personLocale(), timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** A calendar date (YYYY-MM-DD) for a locale; it is a day, not an instant, so it is read in UTC. */
export function formatDate(isoDate: string, locale = personLocale()): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: isoDate.length === 10 ? 'UTC' : undefined }).format(date);
}

/** "in 3 hours" / "2 days ago" for a deadline, relative to now. */
export function formatRelative(iso: string, now: number = Date.now(), locale = personLocale()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Number.isNaN(seconds)) return iso;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(seconds, 'second');
}
