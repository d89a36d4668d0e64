import { useCallback, useMemo, useState } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { useConfirmBatch, type BatchAssignmentResult, type BatchProposal } from '../api/batch-matching';
import { initialChoices, picksOf, proposedSupporters, rowFields, rowProblems, type RowChoice } from '../batch';
import { BatchSummary } from './batch-summary';
import { batchRowTarget, BatchTable } from './batch-table';

export interface BatchReviewProps {
  proposal: BatchProposal;
  /** The confirmation went through (201): every row kept is now a proposal to its supporter. */
  onConfirmed: (result: BatchAssignmentResult) => void;
  /** 提案を作り直す: the same conditions proposed again (the page starts this review afresh with the answer). */
  onRemake: () => void;
}

/**
 * One proposal under review: its summary, the table where rows are dropped (この行を確定する) or given another
 * supporter of the proposal, and 選んだN件を確定する. A refusal (404, 409 stale, 422 not allowed) is shown with
 * the rows it names marked in the table, and 提案を作り直す.
 */
export function BatchReview({ proposal, onConfirmed, onRemake }: BatchReviewProps) {
  const [choices, setChoices] = useState(() => initialChoices(proposal.rows));
  const confirm = useConfirmBatch();
  const supporters = useMemo(() => proposedSupporters(proposal), [proposal]);
  const picks = picksOf(proposal.rows, choices);
  // The rows as sent: errors[].field `rows[i]` counts in them, not in the table (whose rows may be dropped).
  const sent = confirm.variables;
  const problems = useMemo(() => rowProblems(confirm.error, sent), [confirm.error, sent]);
  const named = proposal.rows.filter((r) => problems.has(r.requestId));

  const change = useCallback((requestId: number, choice: RowChoice) => {
    setChoices((current) => new Map(current).set(requestId, choice));
  }, []);

  return (
    <div className="stack">
      <section className="stack" aria-labelledby="batch-summary-heading">
        <h2 id="batch-summary-heading">提案のまとめ</h2>
        <p className="muted">まだ何も登録していません。行を外したり担い手を入れ替えたりしてから確定してください。</p>
        <BatchSummary proposal={proposal} />
      </section>
      <section className="stack" aria-labelledby="batch-rows-heading">
        <h2 id="batch-rows-heading">提案する組み合わせ</h2>
        <p className="muted">
          「一括と違う」の行は、1件ずつ決めた場合と担い手が違います。担い手は、この提案に出てくる担い手（とその行を1件ずつ決めた場合の担い手）に入れ替えられます。
        </p>
        <BatchTable rows={proposal.rows} choices={choices} supporters={supporters} problems={problems} onChange={change} />
      </section>
      {confirm.isError && (
        <FocusOnError error={confirm.error}>
          <div className="stack">
            <ProblemAlert error={confirm.error} shownFields={rowFields(confirm.error, sent)} />
            {named.length > 0 && (
              <ul className="plain-list batch-problems">
                {named.map((r) => (
                  <li key={r.requestId}>
                    {r.recipientName}さん（相談 {r.requestId}）: {problems.get(r.requestId)!.map((p) => p.message).join('、')}{' '}
                    <Button variant="secondary" size="sm" onClick={() => document.getElementById(batchRowTarget(r.requestId))?.focus()}>
                      相談 {r.requestId}の行へ
                    </Button>
                  </li>
                ))}
              </ul>
            )}
            <div className="actions">
              <Button variant="secondary" onClick={onRemake}>
                提案を作り直す
              </Button>
            </div>
          </div>
        </FocusOnError>
      )}
      <div className="actions">
        <Button disabled={picks.length === 0 || confirm.isPending} onClick={() => confirm.mutate(picks, { onSuccess: onConfirmed })}>
          {confirm.isPending ? '確定しています…' : `選んだ${picks.length}件を確定する`}
        </Button>
      </div>
    </div>
  );
}
