import type { Plan } from '../api/plans';
import { formatPeriod, PLAN_STATUS_LABELS, planKindLabel } from '../plan-kind';

/** The facts of a plan under its heading: city, kind, period, status and めざす姿. */
export function PlanFacts({ plan }: { plan: Plan }) {
  return (
    <div className="stack">
      <dl className="facts">
        <div>
          <dt>市</dt>
          <dd>{plan.city.name}</dd>
        </div>
        <div>
          <dt>種類</dt>
          <dd>{planKindLabel(plan.kind)}</dd>
        </div>
        <div>
          <dt>計画期間</dt>
          <dd>{formatPeriod(plan.periodStart, plan.periodEnd)}</dd>
        </div>
        <div>
          <dt>状態</dt>
          <dd>{PLAN_STATUS_LABELS[plan.status]}</dd>
        </div>
      </dl>
      {plan.vision && (
        <section className="vision" aria-labelledby="vision-heading">
          <h2 id="vision-heading">めざす姿</h2>
          <p>{plan.vision}</p>
        </section>
      )}
    </div>
  );
}
