/**
 * Japanese fiscal years (年度) run from 1 April to 31 March and are named after the year they
 * start in: 2022 = 令和4年度. The first year of an era is 元年.
 */
const ERAS = [
  { name: '令和', firstYear: 2019 },
  { name: '平成', firstYear: 1989 },
  { name: '昭和', firstYear: 1926 },
] as const;

/** 2022 → "令和4年度", 2019 → "令和元年度", 2018 → "平成30年度". */
export function japaneseFiscalYear(fiscalYear: number): string {
  if (!Number.isInteger(fiscalYear)) throw new RangeError(`fiscal year must be an integer: ${fiscalYear}`);
  const era = ERAS.find((e) => fiscalYear >= e.firstYear);
  if (!era) return `${fiscalYear}年度`;
  const n = fiscalYear - era.firstYear + 1;
  return `${era.name}${n === 1 ? '元' : n}年度`;
}

/** 2022 → "令和4年度 (2022)". */
export function formatFiscalYear(fiscalYear: number): string {
  return `${japaneseFiscalYear(fiscalYear)} (${fiscalYear})`;
}

/** The fiscal year a date falls in: 2023-03-31 → 2022, 2023-04-01 → 2023. */
export function fiscalYearOf(date: Date): number {
  return date.getMonth() >= 3 ? date.getFullYear() : date.getFullYear() - 1;
}

/** The year and month of a moment on a calendar in Japan. */
const japanYearMonth = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric' });

/**
 * The fiscal year it is now in Japan, whatever the browser's time zone: 2027-03-31T15:00Z is already 1 April in
 * Tokyo, so 2027.
 */
export function currentFiscalYear(now: Date = new Date()): number {
  const parts = japanYearMonth.formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  return month >= 4 ? year : year - 1;
}
