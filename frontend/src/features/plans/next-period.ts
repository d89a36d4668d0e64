/**
 * What the form 次期計画を作成 suggests for the plan that follows one: its code and title with the number moved on
 * (…plan2 → …plan3, 第2次 → 第3次) and the period that follows, as long as the current one.
 */

const ORDINAL = /(\d+)(st|nd|rd|th)?$/;

function ordinalSuffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
}

/** "welfare-plan2" → "welfare-plan3", "welfare-5th" → "welfare-6th"; no trailing number: "". */
export function nextPlanCode(code: string): string {
  const match = ORDINAL.exec(code);
  if (!match) return '';
  const n = Number(match[1]) + 1;
  const digits = String(n).padStart(match[1].length, '0');
  return `${code.slice(0, match.index)}${digits}${match[2] ? ordinalSuffix(n) : ''}`;
}

const KANJI = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const FULL_WIDTH_ZERO = 0xff10;

/** 第2次 / 第２次 / 第二次 at the start: n and how to write n + 1 the same way. */
function nthPeriod(title: string): { n: number; next: string; rest: string } | null {
  const match = /^第([0-9]+|[０-９]+|[一二三四五六七八九])次/.exec(title);
  if (!match) return null;
  const written = match[1];
  const rest = title.slice(match[0].length);
  if (/^[0-9]+$/.test(written)) return { n: Number(written), next: String(Number(written) + 1), rest };
  if (/^[０-９]+$/.test(written)) {
    const n = Number(written.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - FULL_WIDTH_ZERO)));
    const next = String(n + 1).replace(/[0-9]/g, (d) => String.fromCharCode(FULL_WIDTH_ZERO + Number(d)));
    return { n, next, rest };
  }
  const n = KANJI.indexOf(written);
  return { n, next: KANJI[n + 1], rest };
}

/** "第2次地域福祉計画" → "第3次地域福祉計画"; a title that does not start with 第n次: "". */
export function nextPlanTitle(title: string): string {
  const nth = nthPeriod(title);
  return nth ? `第${nth.next}次${nth.rest}` : '';
}

/** The period after start–end, as long: 2021–2023 → 2024–2026. */
export function nextPeriod(periodStart: number, periodEnd: number): { periodStart: number; periodEnd: number } {
  const length = periodEnd - periodStart + 1;
  return { periodStart: periodEnd + 1, periodEnd: periodEnd + length };
}
