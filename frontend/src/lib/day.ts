/** Calendar days as a date input holds them ("2026-03-01"), in the browser's time zone. */

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date → "2026-03-01" (its day in the browser's time zone). */
export function dayOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whether a text is a real day ("2026-02-30" is not). */
export function isDay(text: string | null | undefined): text is string {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d;
}

/** The same day `months` months earlier, on the month's last day when it is shorter (31 May − 3 → 28/29 February). */
export function monthsBefore(date: Date, months: number): Date {
  const target = new Date(date.getFullYear(), date.getMonth() - months, 1);
  const last = new Date(target.getFullYear(), target.getMonth() + 1, 0).getDate();
  return new Date(target.getFullYear(), target.getMonth(), Math.min(date.getDate(), last));
}

/** "2026-03-01" → the moment that day begins in the browser's time zone, as ISO 8601 with its offset: "2026-03-01T00:00:00+09:00". */
export function startOfDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const offset = -new Date(y, m - 1, d).getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${day}T00:00:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
