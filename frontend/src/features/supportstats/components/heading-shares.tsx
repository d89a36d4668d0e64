import { formatNumber } from '@/lib/format';
import type { SupportStats } from '../api/support-stats';
import '../supportstats.css';

type HeadingShare = SupportStats['headingShares'][number];

const CAPTION = '報告の見出し別の割合';

/**
 * 報告の見出し別: the shares under the headings a report prints (同行（買物・通院等） = 買い物同行 + 通院同行), as a table
 * that names the categories each heading sums. The 割合 cell carries the same bar as the category chart beside it;
 * the bar is decoration, the figure is in the text.
 */
export function HeadingShares({ shares }: { shares: readonly HeadingShare[] }) {
  if (shares.length === 0) return <p className="empty">この年度の相談はありません。</p>;
  const total = shares.reduce((sum, s) => sum + s.count, 0);
  return (
    // Nothing in the table takes the keyboard: the wrap does, so a narrow screen can scroll it (see .table-wrap).
    <div className="table-wrap" role="region" aria-label={CAPTION} tabIndex={0}>
      <table className="table heading-shares">
        <caption className="visually-hidden">{CAPTION}</caption>
        <thead>
          <tr>
            <th scope="col">見出し</th>
            <th scope="col">まとめた種類</th>
            <th scope="col">割合</th>
            <th scope="col">件数</th>
          </tr>
        </thead>
        <tbody>
          {shares.map((s) => (
            <tr key={s.heading} data-testid="heading-share">
              <th scope="row">{s.heading}</th>
              <td className={s.categories.length === 1 && s.categories[0] === s.heading ? 'muted' : undefined}>{s.categories.join('、')}</td>
              <td className="heading-shares__percent">
                <span className="share-chart__track" aria-hidden="true">
                  <span className="share-chart__bar" style={{ width: `${Math.max(0, Math.min(100, s.percent))}%` }} />
                </span>
                <span className="share-chart__percent">{formatNumber(s.percent)}%</span>
              </td>
              <td className="heading-shares__count">{formatNumber(s.count)}件</td>
            </tr>
          ))}
        </tbody>
        {total > 0 && (
          <tfoot>
            <tr>
              <th scope="row">合計</th>
              <td />
              <td className="heading-shares__percent">
                <span aria-hidden="true" />
                <span className="share-chart__percent">100%</span>
              </td>
              <td className="heading-shares__count">{formatNumber(total)}件</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
