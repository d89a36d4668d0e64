/** 評価 A–D as a coloured badge; no grade (not yet evaluable) is 未評価. */
export function GradeBadge({ grade }: { grade: string | null | undefined }) {
  const g = grade && /^[A-D]$/.test(grade) ? grade : null;
  return (
    <span className={`grade grade--${g ?? 'none'}`} role="img" aria-label={g ? `評価 ${g}` : '未評価'}>
      {g ?? '未評価'}
    </span>
  );
}
