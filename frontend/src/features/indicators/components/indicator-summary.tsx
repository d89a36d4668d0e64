import { Alert } from '@/components/ui/alert';
import type { Indicator } from '../api/indicators';
import { directionLabel } from '../values';

/** Unit, direction, rationale — and, prominently, why an indicator has no target (未設定). */
export function IndicatorSummary({ indicator }: { indicator: Indicator }) {
  return (
    <div className="stack">
      {indicator.notSet && (
        <Alert kind="info" title="この指標は未設定です">
          <p>{indicator.notSetReason ?? '未設定の理由は記載されていません。'}</p>
        </Alert>
      )}
      <dl className="facts">
        <div>
          <dt>単位</dt>
          <dd>{indicator.unit ?? '—'}</dd>
        </div>
        <div>
          <dt>めざす方向</dt>
          <dd>{directionLabel(indicator.direction)}</dd>
        </div>
        {indicator.disaggregation && (
          <div>
            <dt>内訳</dt>
            <dd>
              {indicator.disaggregation.name}（{indicator.disaggregation.options.join('・')}）
              {indicator.disaggregation.additive && <span className="table__sub">合計は内訳の和</span>}
            </dd>
          </div>
        )}
      </dl>
      {indicator.rationale && (
        <section aria-labelledby="rationale-heading">
          <h2 id="rationale-heading">指標設定の考え方</h2>
          <p>{indicator.rationale}</p>
        </section>
      )}
    </div>
  );
}
