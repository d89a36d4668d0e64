import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatNumber } from '@/lib/format';
import type { SupportStats } from '../api/support-stats';
import { ShareChart } from './share-chart';
import '../supportstats.css';

/** The figures of one area and fiscal year, and the category shares. */
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
      </dl>
      <h3>困りごとの種類別の割合</h3>
      <p className="muted">相談窓口へつないだものを除く相談に占める割合です。</p>
      <ShareChart shares={stats.categoryShares} />
    </section>
  );
}
