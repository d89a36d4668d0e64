import { GradeBadge } from '@/components/ui/grade-badge';
import { DIRECTION_LABELS, DIRECTIONS, STATUS_KEYS, statusLabel } from '../status';

function Bars({ entries }: { entries: { key: string; label: React.ReactNode; count: number; barClass: string }[] }) {
  const max = Math.max(1, ...entries.map((e) => e.count));
  return (
    <ul className="grade-bars">
      {entries.map((e) => (
        <li key={e.key} className="grade-bars__row count-bars__row" data-key={e.key}>
          <span className="count-bars__label">{e.label}</span>
          <span className="grade-bars__track" aria-hidden="true">
            <span className={`grade-bars__bar ${e.barClass}`} style={{ width: `${(e.count / max) * 100}%` }} />
          </span>
          <span className="grade-bars__count">{e.count}件</span>
        </li>
      ))}
    </ul>
  );
}

/** 状態別の件数 (未作成 / 下書き / 提出済み / 差戻し / 承認済み) as CSS bars. */
export function StatusCounts({ counts }: { counts: Record<string, number> }) {
  const total = STATUS_KEYS.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  return (
    <section aria-labelledby="status-counts-heading" className="stack">
      <h2 id="status-counts-heading">状態別（{total}件）</h2>
      <Bars
        entries={STATUS_KEYS.map((k) => ({
          key: k,
          label: statusLabel(k === 'NONE' ? null : k),
          count: counts[k] ?? 0,
          barClass: `status-bar--${k.toLowerCase()}`,
        }))}
      />
    </section>
  );
}

/** 方向性別の件数 (拡充 … 完了, 未記入): how the plan-year's measures are to go on. */
export function DirectionCounts({ counts }: { counts: Record<string, number> }) {
  const keys = [...DIRECTIONS, 'NONE' as const];
  const total = keys.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  return (
    <section aria-labelledby="direction-counts-heading" className="stack">
      <h2 id="direction-counts-heading">今後の方向性別（{total}件）</h2>
      <Bars
        entries={keys.map((k) => ({
          key: k,
          label: k === 'NONE' ? '未記入' : DIRECTION_LABELS[k],
          count: counts[k] ?? 0,
          barClass: `direction-bar--${k.toLowerCase()}`,
        }))}
      />
    </section>
  );
}

const GRADE_KEYS = ['A', 'B', 'C', 'D', 'NONE'] as const;

/** 自己評価別の件数 (A–D, 未評価) as CSS bars. */
export function SelfGradeCounts({ counts }: { counts: Record<string, number> }) {
  const total = GRADE_KEYS.reduce((sum, k) => sum + (counts[k] ?? 0), 0);
  return (
    <section aria-labelledby="self-grade-counts-heading" className="stack">
      <h2 id="self-grade-counts-heading">自己評価別（{total}件）</h2>
      <Bars
        entries={GRADE_KEYS.map((k) => ({
          key: k,
          label: <GradeBadge grade={k === 'NONE' ? null : k} />,
          count: counts[k] ?? 0,
          barClass: `grade-bars__bar--${k}`,
        }))}
      />
    </section>
  );
}
