import { useState } from 'react';
import { Link, Navigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links, paths } from '@/config/paths';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { useSupportCategories } from '@/features/categories/api/support-categories';
import { useProposeBatch, type BatchAssignmentResult, type BatchProposalRequest } from '@/features/requests/api/batch-matching';
import { BatchFilterForm, BatchProposeProblem } from '@/features/requests/components/batch-filter-form';
import { BatchReview } from '@/features/requests/components/batch-review';
import { ASSIGNMENT_STATUS_LABELS } from '@/features/requests/labels';
import { SupportNav } from '../shell/support-nav';
import { useSupportAreaOptions } from './support-area-options';
import { canCoordinate } from './support-guard';

/**
 * 一括マッチング: the coordinator's waiting requests (受付・調整中) of a district, a period, a kind, proposed to
 * supporters all at once — the most requests served, then the best total score less the fairness — beside what one
 * request at a time would give; rows are dropped or swapped, then confirmed in one go.
 */
export function SupportBatchRoute() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  // Viewers and planners see the statistics only, as on the other pages of 生活支援.
  if (!canCoordinate(me.data)) return <Navigate to={paths.supportStats} replace />;
  return <SupportBatchPage />;
}

interface Confirmed {
  result: BatchAssignmentResult;
  /** Whose request each was, from the proposal confirmed. */
  names: ReadonlyMap<number, string>;
}

function SupportBatchPage() {
  const me = useMe();
  const areaOptions = useSupportAreaOptions();
  const categories = useSupportCategories();
  const propose = useProposeBatch();
  const [confirmed, setConfirmed] = useState<Confirmed>();

  const run = (body: BatchProposalRequest) => {
    setConfirmed(undefined);
    propose.mutate(body);
  };
  const remake = () => {
    if (propose.variables) run(propose.variables);
  };
  const done = (result: BatchAssignmentResult) => {
    setConfirmed({ result, names: new Map((propose.data?.rows ?? []).map((r) => [r.requestId, r.recipientName])) });
    // The proposal is spent: what it proposed is now registered.
    propose.reset();
  };
  const proposal = propose.data;

  return (
    <div className="stack">
      <PageHeading lead="受付・調整中の相談をまとめて担い手に割り当てる案を作ります。割り当てる件数が最も多く、次に点の合計が最も大きい組み合わせを、1件ずつ決めた場合と並べて示します。確定するまで何も登録しません。">
        一括マッチング
      </PageHeading>
      <SupportNav canCoordinate />
      <BatchFilterForm
        areaOptions={areaOptions}
        allAreasLabel={hasRole(me.data, 'ADMIN') ? 'すべての地区' : '担当地区すべて'}
        categories={categories.data ?? []}
        categoriesLoading={categories.isPending}
        pending={propose.isPending}
        error={propose.error}
        onPropose={run}
      />
      <BatchProposeProblem error={propose.error} />
      <div aria-live="polite">
        {proposal && (
          <p>
            提案ができました: 相談 {proposal.rows.length}件のうち、一括で {proposal.optimum.served}件（1件ずつなら {proposal.greedy.served}件）に担い手を割り当てます。
          </p>
        )}
        {confirmed && (
          // The table the focus was in is gone: the focus goes to what happened.
          <FocusOnError error={confirmed}>
            <Alert kind="success" title={`${confirmed.result.assignments.length}件の調整を登録しました`}>
              <p>担い手への依頼（依頼中）です。引受・辞退は、それぞれの相談のページで記録してください。</p>
              <ul>
                {confirmed.result.assignments.map((a) => (
                  <li key={a.id}>
                    <Link to={links.supportRequest(a.requestId)}>
                      相談 {a.requestId}
                      {confirmed.names.has(a.requestId) ? `（${confirmed.names.get(a.requestId)}さん）` : ''}
                    </Link>
                    : {a.supporterName}さん（{ASSIGNMENT_STATUS_LABELS[a.status]}）
                  </li>
                ))}
              </ul>
            </Alert>
          </FocusOnError>
        )}
      </div>
      {propose.isPending && <Loading label="提案を作っています…" />}
      {/* A new proposal (提案を作る, 提案を作り直す) starts its review afresh: every row as proposed, no refusal. */}
      {proposal && <BatchReview key={propose.submittedAt} proposal={proposal} onConfirmed={done} onRemake={remake} />}
    </div>
  );
}
