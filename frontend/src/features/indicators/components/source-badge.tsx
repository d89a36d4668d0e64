import { Link } from 'react-router';
import type { SourceInfo } from '../source';

/**
 * 「アンケートから算出」 / 「支援統計から自動集計」: a small badge on a value that was computed, linking to
 * the figures behind it; unless compact, what it was computed from on the line below.
 */
export function SourceBadge({ info, compact = false }: { info: SourceInfo; compact?: boolean }) {
  return (
    <span className="source">
      {info.href ? (
        <Link to={info.href} className={`source-badge source-badge--${info.kind.toLowerCase().replace("_", "-")}`} title={info.reason}>
          {info.badge}
          {compact && <span className="visually-hidden">（{info.detail}）</span>}
        </Link>
      ) : (
        <span className={`source-badge source-badge--${info.kind.toLowerCase().replace("_", "-")}`} title={info.reason}>
          {info.badge}
        </span>
      )}
      {!compact && <span className="source__detail">{info.detail}</span>}
    </span>
  );
}
