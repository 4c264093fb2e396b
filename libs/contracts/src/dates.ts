/** Calendar dates travel as ISO `YYYY-MM-DD` strings; these helpers work in UTC. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

export function laterOf(a: string, b: string): string {
  return a >= b ? a : b;
}
