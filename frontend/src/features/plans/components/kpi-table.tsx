import { Link } from 'react-router';
import { GradeBadge } from '@/components/ui/grade-badge';
import { links } from '@/config/paths';
import { formatNumber } from '@/lib/format';
import type { components } from '@/lib/api/schema';
import type { KpiRow } from '../api/kpis';
import { MARKER_LABELS } from '../markers';

type Marker = components['schemas']['Marker'];


function valueText(value: number | null, marker: Marker | null, unit: string | null) {
  if (value !== null) return `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
  if (marker) return MARKER_LABELS[marker] ?? marker;
  return '—';
}

/** The KPI rows of a year, in the order the API gives them (worst first). */
export function KpiTable({ rows }: { rows: readonly KpiRow[] }) {
  if (rows.length === 0) return <p className="empty">この年度の成果指標の行はありません</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">成果指標の評価（評価の低い順）</caption>
        <thead>
          <tr>
            <th scope="col">指標</th>
            <th scope="col">項目</th>
            <th scope="col">内訳</th>
            <th scope="col" className="num">実績</th>
            <th scope="col" className="num">目標</th>
            <th scope="col" className="num">達成率 %</th>
            <th scope="col">評価</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.indicatorCode}:${r.option ?? ''}`}>
              <th scope="row">
                <Link to={links.indicator(r.indicatorCode)}>{r.indicatorName}</Link>
              </th>
              <td className="table__sub">{r.nodePath}</td>
              <td>{r.option ?? '—'}</td>
              <td className="num">{valueText(r.actual, r.actualMarker, r.unit)}</td>
              <td className="num">
                {r.targetInForce !== null ? valueText(r.targetInForce, null, r.unit) : valueText(r.target, r.targetMarker, r.unit)}
              </td>
              <td className="num">{formatNumber(r.achievementRate)}</td>
              <td>
                {r.notSet ? (
                  <span className="not-set">
                    <span className="grade grade--none">未設定</span>
                    {r.notSetReason && <span className="table__sub">{r.notSetReason}</span>}
                  </span>
                ) : (
                  <GradeBadge grade={r.grade} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
