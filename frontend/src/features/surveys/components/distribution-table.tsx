import '../surveys.css';
import type { BandShare } from '../api/surveys';
import { bandFullLabel, formatPercent, inSourceOrder } from '../bands';

/** 得点帯 / 割合 / 人数 (人数 only when counted from responses), in the source's order. */
export function DistributionTable({ distribution, caption }: { distribution: readonly BandShare[]; caption: string }) {
  const rows = inSourceOrder(distribution);
  const counted = rows.some((r) => r.count !== null);
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="table survey-table distribution-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">得点帯</th>
            <th scope="col" className="num">
              割合
            </th>
            {counted && (
              <th scope="col" className="num">
                人数
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.band} data-band={r.band}>
              <th scope="row">{bandFullLabel(r.band)}</th>
              <td className="num">{formatPercent(r.percent)}</td>
              {counted && <td className="num">{r.count === null ? '—' : `${r.count.toLocaleString('ja-JP')}人`}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
