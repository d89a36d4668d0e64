import { formatNumber } from '@/lib/format';
import type { SupportStats } from '../api/support-stats';
import '../supportstats.css';

type Share = SupportStats['categoryShares'][number];

/** 種類別の割合 as horizontal bars (width = percent of all), each labelled with its % and count. */
export function ShareChart({ shares, title = '困りごとの種類別の割合' }: { shares: readonly Share[]; title?: string }) {
  if (shares.length === 0) return <p className="empty">この年度の相談はありません。</p>;
  return (
    <figure className="chart share-chart-figure" tabIndex={0}>
      <figcaption className="visually-hidden">{title}</figcaption>
      <ul className="share-chart" aria-label={title}>
        {shares.map((s) => (
          <li key={s.category} className="share-chart__row">
            <span className="share-chart__label">{s.category}</span>
            <span className="share-chart__track" aria-hidden="true">
              <span className="share-chart__bar" style={{ width: `${Math.max(0, Math.min(100, s.percent))}%` }} />
            </span>
            <span className="share-chart__percent">{formatNumber(s.percent)}%</span>
            <span className="share-chart__count">{formatNumber(s.count)}件</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
