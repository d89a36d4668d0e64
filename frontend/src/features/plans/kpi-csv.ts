import { formatFiscalYear } from '@/lib/fiscal-year';
import type { components } from '@/lib/api/schema';
import type { KpiRow, KpiSummary } from './api/kpis';
import { GRADE_KEYS, GRADE_NAMES } from './components/grade-counts';
import { MARKER_LABELS } from './markers';

/*
 * The dashboard's CSV, built here from the counts and rows the page shows. GET /kpis?format=csv&bom=true has
 * the rows but not the counts by grade, nor the dashboard's order (worst first), and its headers are the
 * column names for other systems (plan_code, …); this file is for people opening it in Excel: Japanese
 * headers, the counts first, then the rows as on the page. UTF-8 with a BOM (Excel then reads it as UTF-8)
 * and CRLF line ends.
 */

type Marker = components['schemas']['Marker'];

const BOM = '\uFEFF';
const DIRECTIONS: Record<string, string> = { INCREASE: '増加', DECREASE: '減少', MAINTAIN: '維持' };

type Cell = string | number | null | undefined;

/** A cell as CSV: quoted when it holds a comma, a quote or a line break; blank for null. */
function csvCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  let text = String(cell);
  // A text that Excel would take for a formula (=, +, -, @) is kept as text; numbers are left as numbers.
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLines(rows: readonly (readonly Cell[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const valueOrMarker = (value: number | null, marker: Marker | null): Cell => (value !== null ? value : marker ? MARKER_LABELS[marker] : null);

const HEADER = [
  '評価', '指標', '指標コード', '項目', '内訳', '単位', '方向', '基準値', '基準値の年度', '目標値', '実績値', '達成率（%）',
  '前年度比', '見込み', '目標に届く見込み', '未設定の理由',
];

function row(r: KpiRow): Cell[] {
  return [
    r.notSet ? GRADE_NAMES.NOT_SET : (r.grade ?? GRADE_NAMES.NONE),
    r.indicatorName,
    r.indicatorCode,
    r.nodePath,
    r.option,
    r.unit,
    DIRECTIONS[r.direction] ?? r.direction,
    r.baseline,
    r.baselineYear !== null ? formatFiscalYear(r.baselineYear) : null,
    r.targetInForce ?? valueOrMarker(r.target, r.targetMarker),
    valueOrMarker(r.actual, r.actualMarker),
    r.achievementRate,
    r.changeFromPrevious,
    r.projected,
    r.onTrack === null ? null : r.onTrack ? 'はい' : 'いいえ',
    r.notSet ? r.notSetReason : null,
  ];
}

/** The whole file: the plan and year, 評価ごとの件数, then every row as the dashboard lists it. */
export function kpiCsv(planTitle: string, summary: KpiSummary): string {
  const lines: Cell[][] = [
    ['計画', planTitle],
    ['年度', formatFiscalYear(summary.fiscalYear)],
    [],
    ['評価', '件数'],
    ...GRADE_KEYS.map((g) => [GRADE_NAMES[g], summary.counts[g] ?? 0]),
    [],
    HEADER,
    ...summary.rows.map(row),
  ];
  return BOM + csvLines(lines);
}

export function kpiCsvFileName(planCode: string, fiscalYear: number): string {
  return `${planCode}-kpi-${fiscalYear}.csv`;
}
