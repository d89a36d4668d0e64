import type { components } from '@/lib/api/schema';
import type { BreakdownCell, BreakdownGroup, DataSource, Survey, SurveyBand, SurveyFeed } from './api/surveys';

/**
 * The bands of the UCLA loneliness scale (3 items, score 3–12). Two orders matter: the score order
 * (3点 … 10〜12点, then 無回答) for sums like 7〜9点＋10〜12点, and the order the source document prints
 * them, top-down from the loneliest (10〜12点, 7〜9点, 4〜6点, 3点, 無回答), for charts and tables.
 */
export const SCORE_ORDER: readonly SurveyBand[] = ['SCORE_3', 'SCORE_4_6', 'SCORE_7_9', 'SCORE_10_12', 'NO_ANSWER'];
export const SOURCE_ORDER: readonly SurveyBand[] = ['SCORE_10_12', 'SCORE_7_9', 'SCORE_4_6', 'SCORE_3', 'NO_ANSWER'];

const BAND_LABELS: Record<SurveyBand, { score: string; answer: string | null }> = {
  SCORE_3: { score: '3点', answer: '決してない' },
  SCORE_4_6: { score: '4〜6点', answer: 'ほとんどない' },
  SCORE_7_9: { score: '7〜9点', answer: '時々ある' },
  SCORE_10_12: { score: '10〜12点', answer: '常にある' },
  NO_ANSWER: { score: '無回答', answer: null },
};

/** "7〜9点", "無回答". */
export const bandLabel = (band: SurveyBand): string => BAND_LABELS[band]?.score ?? band;
/** "時々ある", or null for 無回答. */
export const bandAnswer = (band: SurveyBand): string | null => BAND_LABELS[band]?.answer ?? null;
/** "7〜9点（時々ある）", "無回答". */
export function bandFullLabel(band: SurveyBand): string {
  const answer = bandAnswer(band);
  return answer ? `${bandLabel(band)}（${answer}）` : bandLabel(band);
}

function rank(order: readonly SurveyBand[], band: SurveyBand): number {
  const i = order.indexOf(band);
  return i < 0 ? order.length : i;
}

/** Rows in the source's order (10〜12点 first, 無回答 last); a band the SPA does not know goes last. */
export function inSourceOrder<T extends { band: SurveyBand }>(rows: readonly T[]): T[] {
  return rows.toSorted((a, b) => rank(SOURCE_ORDER, a.band) - rank(SOURCE_ORDER, b.band));
}

/** The bands an indicator adds up, in score order: ["SCORE_10_12", "SCORE_7_9"] → "7〜9点＋10〜12点". */
export function bandSum(bands: readonly SurveyBand[]): string {
  return bands
    .toSorted((a, b) => rank(SCORE_ORDER, a) - rank(SCORE_ORDER, b))
    .map(bandLabel)
    .join('＋');
}

/** A share with one decimal, as the source prints it: 34.3 → "34.3%", 40 → "40.0%"; missing → "—" (never 0). */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${value.toFixed(1)}%`;
}

/**
 * A difference in points, as the source prints it: -3.8 → "-3.8pt", 14.5 → "14.5pt" (no plus sign),
 * one decimal; missing → "—".
 */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const rounded = Math.round(value * 10) / 10;
  return `${(rounded === 0 ? 0 : rounded).toFixed(1)}pt`;
}

/** "37.4%（7〜9点＋10〜12点）", or what is missing. */
export function feedSummary(feed: SurveyFeed): string {
  const value = feed.value === null ? 'まだ算出できません' : formatPercent(feed.value);
  return `${value}（${bandSum(feed.bands)}）`;
}

export const DATA_SOURCE_LABELS: Record<DataSource, string> = { RESPONSES: '個票', PUBLISHED: '公表値' };
export const DATA_SOURCE_LONG_LABELS: Record<DataSource, string> = { RESPONSES: '個票から集計', PUBLISHED: '公表値' };
export const INSTRUMENT_LABELS: Record<components['schemas']['Instrument'], string> = { UCLA3: 'UCLA 孤独感尺度（3項目）' };

/** The area a survey covers; a national survey has none. */
export const areaName = (survey: Pick<Survey, 'area'>): string => survey.area?.name ?? '全国';

/** Whether a survey has any distribution to show yet. */
export const hasData = (survey: Pick<Survey, 'distribution'>): boolean => survey.distribution.some((s) => s.percent !== null);

/** One cell of a breakdown as it is shown: a suppressed cell is hidden (＊), never 0. */
export interface CellView {
  text: string;
  count: string | null;
  hidden: boolean;
  /** For screen readers: "非表示" or the value. */
  label: string;
}

export const HIDDEN_MARK = '＊';

export function cellView(cell: BreakdownCell | undefined): CellView {
  if (!cell) return { text: '—', count: null, hidden: false, label: 'データなし' };
  if (cell.suppressed) return { text: HIDDEN_MARK, count: null, hidden: true, label: '非表示' };
  const text = formatPercent(cell.percent);
  const count = cell.count === null ? null : `${cell.count.toLocaleString('ja-JP')}人`;
  return { text, count, hidden: false, label: count ? `${text}（${count}）` : text };
}

export interface GroupView {
  value: string;
  respondents: CellView;
  hidden: boolean;
  /** In the source's order. */
  cells: { band: SurveyBand; view: CellView }[];
}

/** The rows of a breakdown table: a suppressed group shows ＊ for its size and every cell. */
export function groupView(group: BreakdownGroup): GroupView {
  const respondents: CellView =
    group.suppressed || group.respondents === null
      ? { text: HIDDEN_MARK, count: null, hidden: true, label: '非表示' }
      : { text: `${group.respondents.toLocaleString('ja-JP')}人`, count: null, hidden: false, label: `${group.respondents.toLocaleString('ja-JP')}人` };
  const cells = SOURCE_ORDER.map((band) => {
    const cell = group.cells.find((c) => c.band === band);
    return { band, view: group.suppressed ? cellView(cell && { ...cell, suppressed: true }) : cellView(cell) };
  });
  return { value: group.value, respondents, hidden: group.suppressed, cells };
}

/** 公表値 as typed: five percentages (full-width digits allowed) and, optionally, the respondents. */
export type PublishedInput = Record<SurveyBand, string>;

export type PublishedParse =
  | { ok: true; shares: { band: SurveyBand; percent: number }[]; total: number }
  | { ok: false; errors: Partial<Record<SurveyBand | 'total', string>>; total: number | null };

function toHalfWidth(text: string): string {
  return text.replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[%％\s]/g, '');
}

/** Reads the five published percentages: each 0–100 with at most one decimal, together 99.0–101.0 (rounding). */
export function parsePublished(input: PublishedInput): PublishedParse {
  const errors: Partial<Record<SurveyBand | 'total', string>> = {};
  const shares: { band: SurveyBand; percent: number }[] = [];
  for (const band of SOURCE_ORDER) {
    const text = toHalfWidth(input[band] ?? '');
    if (text === '') {
      errors[band] = '割合を入力してください（該当なしは 0）';
    } else if (!/^\d{1,3}(\.\d)?$/.test(text) || Number(text) > 100) {
      errors[band] = '0〜100 の数を小数第1位まで入力してください';
    } else {
      shares.push({ band, percent: Number(text) });
    }
  }
  const total = shares.length === SOURCE_ORDER.length ? Math.round(shares.reduce((sum, s) => sum + s.percent * 10, 0)) / 10 : null;
  if (total !== null && Math.abs(total - 100) > 1) {
    errors.total = `合計が ${total.toFixed(1)}% です（四捨五入の誤差を見込んでも 99.0〜101.0% に収まりません）`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors, total };
  return { ok: true, shares, total: total! };
}

/** An axis end for shares: the next 10 above the largest, at least 10, at most 100. */
export function axisMax(values: readonly (number | null)[]): number {
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  return Math.min(100, Math.max(10, Math.ceil(max / 10) * 10));
}
