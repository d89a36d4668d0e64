const numberFormat = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });

/** 12345.5 → "12,345.5"; null or undefined → "—" (not reported is never shown as zero). */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return numberFormat.format(value);
}

/** "2026-11-22" or a Date → "2026年11月22日" (in the browser's time zone for timestamps). */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  let date: Date;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    date = new Date(y, m - 1, d);
  } else {
    date = typeof value === 'string' ? new Date(value) : value;
  }
  if (Number.isNaN(date.getTime())) return '—';
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

function toDate(value: string | Date): Date {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return new Date(y, m - 1, d);
  }
  return typeof value === 'string' ? new Date(value) : value;
}

/** A timestamp → "2026年11月22日 09:05" (in the browser's time zone). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '—';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${formatDate(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The day each era began (和暦): 令和 1 May 2019, 平成 8 January 1989, 昭和 25 December 1926. */
const ERA_STARTS = [
  { name: '令和', start: new Date(2019, 4, 1) },
  { name: '平成', start: new Date(1989, 0, 8) },
  { name: '昭和', start: new Date(1926, 11, 25) },
] as const;

/** "2023-06-30" → "令和5年6月30日"; the first year of an era is 元年 (2019-05-01 → "令和元年5月1日"). */
export function formatEraDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '—';
  const era = ERA_STARTS.find((e) => date >= e.start);
  if (!era) return formatDate(date);
  const n = date.getFullYear() - era.start.getFullYear() + 1;
  return `${era.name}${n === 1 ? '元' : n}年${date.getMonth() + 1}月${date.getDate()}日`;
}
