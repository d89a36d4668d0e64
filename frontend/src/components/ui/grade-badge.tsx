/**
 * 評価 A–D as a coloured badge; no grade (not yet evaluable) is 未評価. An indicator that is 未設定 (no target, by
 * decision, with its reason) is 未設定 whatever grade a row carries: it is an answer, not a gap.
 */
export function GradeBadge({ grade, notSet = false }: { grade: string | null | undefined; notSet?: boolean }) {
  if (notSet) {
    return (
      <span className="grade grade--none grade--not-set" role="img" aria-label="未設定">
        未設定
      </span>
    );
  }
  const g = grade && /^[A-D]$/.test(grade) ? grade : null;
  return (
    <span className={`grade grade--${g ?? 'none'}`} role="img" aria-label={g ? `評価 ${g}` : '未評価'}>
      {g ?? '未評価'}
    </span>
  );
}
