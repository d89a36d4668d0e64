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
