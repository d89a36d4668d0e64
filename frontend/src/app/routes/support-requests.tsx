import { Link, Navigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/field';
import { LoadMore } from '@/components/ui/load-more';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { useMe } from '@/features/auth/api/get-me';
import { useSupportRequests } from '@/features/requests/api/support-requests';
import { RequestList } from '@/features/requests/components/request-list';
import { REQUEST_STATUS_LABELS, REQUEST_STATUS_OPTIONS } from '@/features/requests/labels';
import { SupportNav } from '../shell/support-nav';
import { canCoordinate } from './support-guard';

/** 生活支援: the coordinator's requests (filtered by status), newest first a page at a time, and the way to a new one. */
export function SupportRequestsRoute() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const asked = params.get('status') ?? '';
  // Only a status the API knows filters the list (an old bookmark with another shows all).
  const status = REQUEST_STATUS_OPTIONS.find((o) => o.value === asked)?.value ?? '';
  const allowed = canCoordinate(me.data);
  const requests = useSupportRequests(status || undefined, allowed);

  if (me.isPending) return <Loading />;
  // Viewers and planners see the statistics only.
  if (!allowed) return <Navigate to={paths.supportStats} replace />;

  return (
    <div className="stack">
      <PageHeading lead="困りごとの相談を受け付け、地域の担い手（支え合いの活動者）に調整します。">生活支援</PageHeading>
      <SupportNav canCoordinate />
      <div className="toolbar">
        <SelectField
          label="状態"
          value={status}
          placeholder="すべて"
          options={REQUEST_STATUS_OPTIONS}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}
        />
        <Link to={paths.supportNewRequest} className="btn btn--primary toolbar__link">
          新しい相談
        </Link>
        <Link to={paths.supportStats} className="toolbar__link">
          地区の統計を見る
        </Link>
      </div>
      <section className="stack" aria-labelledby="requests-heading">
        <h2 id="requests-heading">相談の一覧{status ? `（${REQUEST_STATUS_LABELS[status]}）` : ''}</h2>
        {requests.isPending ? (
          <Loading label="相談を読み込んでいます…" />
        ) : requests.isError && !requests.isFetchNextPageError ? (
          <ProblemAlert error={requests.error} />
        ) : (
          <>
            {/* Live, so that the older requests さらに表示 adds are read out. */}
            <p aria-live="polite">{requests.data.length}件を表示中</p>
            <RequestList requests={requests.data} />
            <LoadMore
              hasMore={requests.hasNextPage}
              loading={requests.isFetchingNextPage}
              error={requests.isFetchNextPageError ? requests.error : undefined}
              onMore={() => void requests.fetchNextPage()}
            />
          </>
        )}
      </section>
    </div>
  );
}
