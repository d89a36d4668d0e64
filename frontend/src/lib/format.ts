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

/** The parts of a moment as read on a clock in Japan (the API's timestamps carry any offset, often UTC). */
const japanParts = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * A timestamp → "2026年12月2日 14:05" in Japan time, whatever the browser's time zone ("2026-12-02T05:05:00Z" and
 * "2026-12-02T14:05:00+09:00" read the same).
 */
export function formatJapanDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '—';
  const parts = japanParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}年${Number(part('month'))}月${Number(part('day'))}日 ${part('hour').padStart(2, '0')}:${part('minute').padStart(2, '0')}`;
}

/** A timestamp → "14:05" on a clock in Japan, for moments near enough that the day goes without saying. */
export function formatJapanTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '—';
  const parts = japanParts.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => (parts.find((p) => p.type === type)?.value ?? '').padStart(2, '0');
  return `${part('hour')}:${part('minute')}`;
}

/** Minutes as time spent: 75 → "1時間15分", 750 → "12時間30分", 120 → "2時間", 45 → "45分", 0 → "0分". */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || Number.isNaN(minutes)) return '—';
  const whole = Math.max(0, Math.round(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return `${rest}分`;
  return rest === 0 ? `${formatNumber(hours)}時間` : `${formatNumber(hours)}時間${rest}分`;
}
