import { formatScore } from '../labels';
import '../requests.css';

/** A 0–1 value as a small bar with its number next to it (the bar is decoration; the number is the value). */
export function ScoreBar({ value, className, digits = 2 }: { value: number | null | undefined; className?: string; digits?: number }) {
  const width = Math.max(0, Math.min(1, value ?? 0)) * 100;
  return (
    <span className={['score-part', className ?? ''].filter(Boolean).join(' ')}>
      <span className="score-part__track" aria-hidden="true">
        <span className="score-part__bar" style={{ width: `${width}%` }} />
      </span>
      <span className="score-part__value">{formatScore(value, digits)}</span>
    </span>
  );
}
