import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatMinutes, formatNumber } from '@/lib/format';
import type { SupportStats } from '../api/support-stats';
import { HeadingShares } from './heading-shares';
import { ShareChart } from './share-chart';
import '../supportstats.css';

/**
 * The figures of one area and fiscal year (延べ活動時間 from the activity records, in hours and minutes;
 * 地域生活支援相談員 from the districts' 取り組み概要, 「—」 when none has one), and the shares: by category, and beside them under the headings a report prints.
 */
export function StatsView({ stats }: { stats: SupportStats }) {
  return (
    <section className="stack" aria-labelledby="stats-heading">
      <h2 id="stats-heading">
        {stats.area.name} {formatFiscalYear(stats.fiscalYear)}
      </h2>
      <dl className="support-figures">
        <div>
          <dt>相談件数</dt>
          <dd data-testid="consultations">
            {formatNumber(stats.consultations)}
            <span className="support-figures__unit">件</span>
          </dd>
        </div>
        <div>
          <dt>需給調整件数</dt>
          <dd data-testid="adjustments">
            {formatNumber(stats.adjustments)}
            <span className="support-figures__unit">件</span>
          </dd>
        </div>
        <div>
          <dt>延べ活動時間</dt>
          <dd data-testid="activity-minutes">{formatMinutes(stats.activityMinutes)}</dd>
        </div>
        <div>
          <dt>担い手（登録）</dt>
          <dd data-testid="supporters-registered">
            {formatNumber(stats.supportersRegistered)}
            <span className="support-figures__unit">人</span>
          </dd>
        </div>
        <div>
          <dt>担い手（活動中）</dt>
          <dd data-testid="supporters-active">
            {formatNumber(stats.supportersActive)}
            <span className="support-figures__unit">人</span>
          </dd>
        </div>
        <div>
          <dt>地域生活支援相談員</dt>
          <dd data-testid="counselors">
            {stats.counselors === null ? (
              '—'
            ) : (
              <>
                {formatNumber(stats.counselors)}
                <span className="support-figures__unit">名</span>
              </>
            )}
          </dd>
        </div>
      </dl>
      <p className="muted">割合は、相談窓口へつないだものを除く相談に占める割合です。</p>
      {stats.categoryShares.length === 0 ? (
        <p className="empty">この年度の相談はありません。</p>
      ) : (
        <div className="support-shares">
          {/* Plain blocks under their headings: the chart and the table name themselves (no second landmark of one name). */}
          <div className="stack">
            <h3>困りごとの種類別の割合</h3>
            <ShareChart shares={stats.categoryShares} />
          </div>
          <div className="stack">
            <h3>報告の見出し別の割合</h3>
            <p className="muted">報告書の見出しにまとめた割合です（見出しは「困りごとの種類」の管理で決めます）。</p>
            <HeadingShares shares={stats.headingShares} />
          </div>
        </div>
      )}
    </section>
  );
}
