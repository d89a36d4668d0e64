import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import type { RouteResponse, RoutedWindow } from '../api/route-consultation';
import { categoryLabel } from '../category';
import { PhoneLink } from './phone-link';

export function WindowCard({ window }: { window: RoutedWindow }) {
  return (
    <article className="card" aria-labelledby={`window-${window.id}-name`}>
      <h3 className="card__title" id={`window-${window.id}-name`}>
        {window.name}
      </h3>
      <dl className="card__facts">
        <div>
          <dt>電話</dt>
          <dd>
            <PhoneLink phone={window.phone} />
          </dd>
        </div>
        {window.fax && (
          <div>
            <dt>FAX</dt>
            <dd>{window.fax}</dd>
          </div>
        )}
        {window.address && (
          <div>
            <dt>住所</dt>
            <dd>{window.address}</dd>
          </div>
        )}
      </dl>
      <p className="card__note">担当: {window.servedArea.name}</p>
    </article>
  );
}

export interface RouteResultsProps {
  data: RouteResponse | undefined;
  error: unknown;
  isLoading: boolean;
}

/** The windows that serve the chosen area and category, one card each. */
export function RouteResults({ data, error, isLoading }: RouteResultsProps) {
  if (isLoading) return <Loading label="相談窓口を検索しています…" />;
  if (error) return <ProblemAlert error={error} />;
  if (!data) return null;
  const windows = data.windows ?? [];
  return (
    <section className="stack" aria-labelledby="route-results-heading" aria-live="polite">
      <h2 id="route-results-heading">
        {data.area.name}の{categoryLabel(data.category)}の相談窓口（{windows.length}件）
      </h2>
      {windows.length === 0 ? (
        <p className="empty">該当する相談窓口が見つかりません</p>
      ) : (
        <div className="card-list">
          {windows.map((w) => (
            <WindowCard key={`${w.id}-${w.phone}`} window={w} />
          ))}
        </div>
      )}
    </section>
  );
}
