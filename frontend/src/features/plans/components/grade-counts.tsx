/** 未評価 (a target but no actual yet) and 未設定 (no target by design, with a reason) are counted apart. */
export const GRADE_KEYS = ['A', 'B', 'C', 'D', 'NONE', 'NOT_SET'] as const;
export const GRADE_NAMES: Record<(typeof GRADE_KEYS)[number], string> = { A: 'A', B: 'B', C: 'C', D: 'D', NONE: '未評価', NOT_SET: '未設定' };

/** 評価ごとの件数 as horizontal CSS bars (the numbers are in the text, the bars only illustrate them). */
export function GradeCounts({ counts }: { counts: Record<string, number> }) {
  const max = Math.max(1, ...GRADE_KEYS.map((g) => counts[g] ?? 0));
  const total = GRADE_KEYS.reduce((sum, g) => sum + (counts[g] ?? 0), 0);
  return (
    <section aria-labelledby="grade-counts-heading" className="stack">
      <h2 id="grade-counts-heading">評価の内訳（{total}件）</h2>
      <ul className="grade-bars">
        {GRADE_KEYS.map((g) => {
          const n = counts[g] ?? 0;
          return (
            <li key={g} className="grade-bars__row" data-grade={g}>
              <span className={`grade grade--${g === 'NONE' || g === 'NOT_SET' ? 'none' : g}`}>{GRADE_NAMES[g]}</span>
              <span className="grade-bars__track" aria-hidden="true">
                <span className={`grade-bars__bar grade-bars__bar--${g}`} style={{ width: `${(n / max) * 100}%` }} />
              </span>
              <span className="grade-bars__count">{n}件</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
