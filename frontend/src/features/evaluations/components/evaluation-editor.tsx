import { useRef, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField } from '@/components/ui/field';
import { ApiError, CONFLICT_MESSAGE } from '@/lib/api/problem';
import { useEvaluationMutations, type Evaluation, type TransitionAction } from '../api/evaluations';
import { DIRECTION_LABELS, DIRECTIONS, directionOf, SELF_GRADES, selfGradeOf } from '../status';
import { StatusBadge } from './status-badge';

export interface EvaluationPermissions {
  /** PLANNER or ADMIN: writes the text and submits it. */
  canWrite: boolean;
  /** APPROVER: approves, returns and reopens. */
  canApprove: boolean;
}

interface Form {
  resultText: string;
  futureDirection: string;
  direction: ReturnType<typeof directionOf>;
  selfGrade: ReturnType<typeof selfGradeOf>;
}

function formOf(evaluation: Evaluation | null): Form {
  return {
    resultText: evaluation?.resultText ?? '',
    futureDirection: evaluation?.futureDirection ?? '',
    direction: evaluation?.direction ?? '',
    selfGrade: evaluation?.selfGrade ?? '',
  };
}

const DONE: Record<TransitionAction | 'save', string> = {
  save: '保存しました',
  submit: '提出しました',
  approve: '承認しました',
  return: '差し戻しました',
  reopen: '再開しました（下書きに戻りました）',
};

/** Which workflow buttons a person sees for a 事業調書 in a state. */
export function availableActions(evaluation: Evaluation | null, { canWrite, canApprove }: EvaluationPermissions): TransitionAction[] {
  if (!evaluation) return [];
  const actions: TransitionAction[] = [];
  if (canWrite && (evaluation.status === 'DRAFT' || evaluation.status === 'RETURNED')) actions.push('submit');
  if (canApprove && evaluation.status === 'SUBMITTED') actions.push('approve', 'return');
  if (canApprove && evaluation.status === 'APPROVED') actions.push('reopen');
  return actions;
}

const ACTION_LABELS: Record<TransitionAction, string> = { submit: '提出', approve: '承認', return: '差戻し', reopen: '再開' };

/**
 * 事業調書の編集: 取組結果, 今後の方向性・課題 and 自己評価, saved by PLANNER/ADMIN while it is a draft
 * (or returned), and the workflow buttons each role may use in the current state.
 */
export function EvaluationEditor({
  plan,
  node,
  fiscalYear,
  evaluation,
  permissions,
  onReload,
}: {
  plan: string;
  node: string;
  fiscalYear: number;
  evaluation: Evaluation | null;
  permissions: EvaluationPermissions;
  onReload: () => void;
}) {
  const { write, transition } = useEvaluationMutations({ plan, node, fiscalYear });
  const [form, setForm] = useState<Form>(() => formOf(evaluation));
  const [seenVersion, setSeenVersion] = useState<number | null>(evaluation?.version ?? null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string>();
  const [done, setDone] = useState<string>();
  const commentRef = useRef<HTMLTextAreaElement>(null);

  // A newer version arrived (saved, moved on, or reloaded): show what the server has.
  const version = evaluation?.version ?? null;
  if (version !== seenVersion) {
    setSeenVersion(version);
    setForm(formOf(evaluation));
  }

  const editable = permissions.canWrite && (evaluation === null || evaluation.editable);
  const dirty = JSON.stringify(form) !== JSON.stringify(formOf(evaluation));
  const actions = availableActions(evaluation, permissions);
  const busy = write.isPending || transition.isPending;
  const error = write.error ?? transition.error;
  const conflict = error instanceof ApiError && error.status === 409;

  const body = () => ({
    resultText: form.resultText.trim() === '' ? null : form.resultText,
    futureDirection: form.futureDirection.trim() === '' ? null : form.futureDirection,
    direction: form.direction === '' ? null : form.direction,
    selfGrade: form.selfGrade === '' ? null : form.selfGrade,
    version: evaluation?.version ?? null,
  });

  const reset = () => {
    write.reset();
    transition.reset();
    setDone(undefined);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    try {
      await write.mutateAsync(body());
      setDone(DONE.save);
    } catch {
      // shown from write.error
    }
  };

  const run = async (action: TransitionAction) => {
    reset();
    setCommentError(undefined);
    if (!evaluation) return;
    if ((action === 'return' || action === 'reopen') && comment.trim() === '') {
      setCommentError(action === 'return' ? '差戻しの理由を入力してください' : '再開の理由を入力してください');
      commentRef.current?.focus();
      return;
    }
    try {
      let current = evaluation;
      // 提出 with unsaved changes saves them first, so what is submitted is what is on screen.
      if (action === 'submit' && dirty && editable) current = await write.mutateAsync(body());
      await transition.mutateAsync({ action, version: current.version, comment: comment.trim() === '' ? null : comment.trim() });
      setComment('');
      setDone(DONE[action]);
    } catch {
      // shown from write.error / transition.error
    }
  };

  return (
    <div className="stack evaluation-editor">
      <p className="evaluation-editor__status">
        <span className="evaluation-editor__status-label">状態</span> <StatusBadge status={evaluation?.status ?? null} />
        {!evaluation && <span className="muted">まだ作成されていません。{permissions.canWrite ? '入力して保存すると下書きになります。' : ''}</span>}
      </p>

      {error &&
        (conflict ? (
          <Alert kind="error">
            <p>{CONFLICT_MESSAGE}</p>
            <Button
              variant="secondary"
              size="sm"
              onClick={() => {
                reset();
                onReload();
              }}
            >
              再読み込み
            </Button>
          </Alert>
        ) : (
          <ProblemAlert error={error} shownFields={['resultText', 'futureDirection', 'direction', 'selfGrade', 'comment', 'reason']} />
        ))}
      {done && !error && <Alert kind="success">{done}</Alert>}

      <form className="stack" onSubmit={save} aria-label="事業調書の内容">
        <TextAreaField
          label="取組結果"
          rows={8}
          value={form.resultText}
          readOnly={!editable}
          onChange={(e) => setForm({ ...form, resultText: e.target.value })}
          error={write.error instanceof ApiError ? write.error.fieldError('resultText') : undefined}
        />
        <SelectField
          label="今後の方向性"
          value={form.direction}
          disabled={!editable}
          placeholder="未選択"
          options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
          onChange={(e) => setForm({ ...form, direction: directionOf(e.target.value) })}
          error={write.error instanceof ApiError ? write.error.fieldError('direction') : undefined}
        />
        <TextAreaField
          label="方向性の補足・課題"
          rows={6}
          value={form.futureDirection}
          readOnly={!editable}
          onChange={(e) => setForm({ ...form, futureDirection: e.target.value })}
          error={write.error instanceof ApiError ? write.error.fieldError('futureDirection') : undefined}
        />
        <div className="toolbar">
          <SelectField
            label="自己評価"
            value={form.selfGrade}
            disabled={!editable}
            placeholder="未選択"
            options={SELF_GRADES.map((g) => ({ value: g, label: g }))}
            onChange={(e) => setForm({ ...form, selfGrade: selfGradeOf(e.target.value) })}
            error={write.error instanceof ApiError ? write.error.fieldError('selfGrade') : undefined}
          />
        </div>
        {editable && (
          <div className="actions">
            <Button type="submit" disabled={busy || (!dirty && evaluation !== null)}>
              {write.isPending ? '保存中…' : '保存'}
            </Button>
            {dirty && <span className="muted">保存していない変更があります</span>}
          </div>
        )}
        {!editable && permissions.canWrite && evaluation && (
          <p className="muted">提出済み・承認済みの事業調書は編集できません。</p>
        )}
      </form>

      {actions.length > 0 && evaluation && (
        <section className="panel stack" aria-labelledby="workflow-heading">
          <h2 id="workflow-heading">手続き</h2>
          <TextAreaField
            ref={commentRef}
            label="コメント"
            hint={
              actions.includes('return')
                ? '差戻しのときは理由を必ず書いてください'
                : actions.includes('reopen')
                  ? '再開の理由を必ず書いてください（記録に残り、この年度の指標の値も再び変更できるようになります）'
                  : '任意'
            }
            rows={3}
            value={comment}
            onChange={(e) => {
              setComment(e.target.value);
              setCommentError(undefined);
            }}
            error={
              commentError ??
              (transition.error instanceof ApiError ? (transition.error.fieldError('comment') ?? transition.error.fieldError('reason')) : undefined)
            }
          />
          <div className="actions">
            {actions.map((action) => (
              <Button
                key={action}
                variant={action === 'return' ? 'danger' : action === 'reopen' ? 'secondary' : 'primary'}
                disabled={busy}
                onClick={() => void run(action)}
              >
                {ACTION_LABELS[action]}
              </Button>
            ))}
          </div>
        </section>
      )}
    </div>
  );
}
