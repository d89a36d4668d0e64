import { GradeBadge } from '@/components/ui/grade-badge';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatNumber } from '@/lib/format';
import type { SeriesRow } from '../api/indicators';
import type { SourceInfo } from '../source';
import { MARKER_LABELS } from '../values';
import { SourceBadge } from './source-badge';

function signed(value: number | null): string {
  if (value === null) return '—';
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

function OnTrack({ value }: { value: boolean | null }) {
  if (value === null) return <span className="muted">—</span>;
  return value ? (
    <span className="on-track on-track--yes" role="img" aria-label="目標に届く見込み">✓</span>
  ) : (
    <span className="on-track on-track--no" role="img" aria-label="目標に届かない見込み">✗</span>
  );
}

export interface SeriesTableProps {
  series: readonly SeriesRow[];
  disaggregated: boolean;
  /** Where a year's actual was computed from (a survey, the support statistics), for its badge. */
  actualSource?: (fiscalYear: number, option: string | null) => SourceInfo | null;
  /** The indicator is 未設定 (no target by decision): its target and grade read 未設定, and the reason is given. */
  notSet?: { reason: string | null } | null;
}

function ActualSource({ info }: { info: SourceInfo | null }) {
  if (!info) return null;
  return (
    <span className="series__source">
      <SourceBadge info={info} compact />
    </span>
  );
}

/**
 * 達成率・評価・前年度比・見通し of each year (and option), derived by the API. For a 未設定 indicator the target and
 * the grade read 未設定 (never blank, never 未評価), with the reason above the table, and only its actuals are listed.
 */
export function SeriesTable({ series, disaggregated, actualSource = () => null, notSet = null }: SeriesTableProps) {
  const rows = series
    .filter((r) =>
      notSet
        ? r.actual !== null || r.actualMarker !== null
        : r.actual !== null || r.actualMarker !== null || r.achievementRate !== null || r.projected !== null || r.targetInForce !== null,
    )
    .toSorted((a, b) => a.fiscalYear - b.fiscalYear || (a.option ?? '').localeCompare(b.option ?? ''));
  return (
    <section className="stack" aria-labelledby="series-heading">
      <h2 id="series-heading">達成状況</h2>
      {notSet && (
        <p id="series-not-set" data-testid="series-not-set">
          <GradeBadge grade={null} notSet /> この指標は目標を定めていないため、達成率と評価（A〜D）はありません。
          理由: {notSet.reason ?? '記載されていません'}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty">{notSet ? '実績値はまだありません' : 'まだ評価できる年度はありません'}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="series-heading" tabIndex={0}>
          <table className="table" aria-labelledby="series-heading" aria-describedby={notSet ? 'series-not-set' : undefined}>
            <thead>
              <tr>
                <th scope="col">年度</th>
                {disaggregated && <th scope="col">内訳</th>}
                <th scope="col" className="num">目標</th>
                <th scope="col" className="num">実績</th>
                <th scope="col" className="num">達成率</th>
                <th scope="col">評価</th>
                <th scope="col" className="num">前年度比</th>
                <th scope="col">見通し</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.fiscalYear}:${r.option ?? ''}`}>
                  <th scope="row">{formatFiscalYear(r.fiscalYear)}</th>
                  {disaggregated && <td>{r.option ?? '合計'}</td>}
                  <td className="num">
                    {notSet ? '未設定' : r.targetInForce !== null ? formatNumber(r.targetInForce) : r.targetMarker ? MARKER_LABELS[r.targetMarker] : '—'}
                  </td>
                  <td className="num">
                    {r.actual !== null ? formatNumber(r.actual) : r.actualMarker ? MARKER_LABELS[r.actualMarker] : '—'}
                    <ActualSource info={actualSource(r.fiscalYear, r.option)} />
                  </td>
                  <td className="num">{!notSet && r.achievementRate !== null ? `${formatNumber(r.achievementRate)}%` : '—'}</td>
                  <td>
                    <GradeBadge grade={r.grade} notSet={Boolean(notSet)} />
                  </td>
                  <td className="num">{signed(r.changeFromPrevious)}</td>
                  <td>
                    <OnTrack value={notSet ? null : r.onTrack} />
                    {r.projected !== null && <span className="table__sub"> 見込み {formatNumber(r.projected)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
