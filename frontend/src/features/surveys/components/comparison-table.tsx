import '../surveys.css';
import type { SurveyComparison } from '../api/surveys';
import { bandFullLabel, formatPercent, formatPoints, inSourceOrder } from '../bands';

/** 得点帯 / this survey / the reference / 差異 (pt), in the source's order, as the source prints them. */
export function ComparisonTable({ comparison }: { comparison: SurveyComparison }) {
  const rows = inSourceOrder(comparison.rows);
  return (
    <div className="table-wrap" role="region" aria-label="得点帯ごとの割合の比較" tabIndex={0}>
      <table className="table survey-table comparison-table">
        <caption className="visually-hidden">得点帯ごとの割合の比較</caption>
        <thead>
          <tr>
            <th scope="col">得点帯</th>
            <th scope="col" className="num">
              {comparison.surveyTitle}
            </th>
            <th scope="col" className="num">
              {comparison.referenceTitle}
              <span className="table__sub">比較の基準</span>
            </th>
            <th scope="col" className="num">
              差異
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.band} data-band={r.band}>
              <th scope="row">{bandFullLabel(r.band)}</th>
              <td className="num">{formatPercent(r.percent)}</td>
              <td className="num">{formatPercent(r.referencePercent)}</td>
              <td className="num">{formatPoints(r.differencePoints)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">差異は、四捨五入した割合どうしの差（ポイント）です。</p>
    </div>
  );
}
