import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { FormActions } from '@/components/ui/form-actions';
import { dayOf } from '@/lib/day';
import { formatDate } from '@/lib/format';
import { ApiError } from '@/lib/api/problem';
import { useAssignmentTransition, useRecordActivity, type Assignment, type AssignmentAction } from '../api/assignments';
import { AssignmentActivities } from './activity-records';
import { HandoutDialog } from './assignment-handout';
import { SupportStatusBadge } from './status-badge';

const ACTIONS: Record<string, { action: AssignmentAction; label: string; variant: 'primary' | 'secondary' }[]> = {
  PROPOSED: [
    { action: 'accept', label: '引受', variant: 'primary' },
    { action: 'decline', label: '辞退', variant: 'secondary' },
  ],
  ACCEPTED: [
    { action: 'complete', label: '完了', variant: 'primary' },
    { action: 'decline', label: '辞退', variant: 'secondary' },
  ],
};

const DONE: Record<AssignmentAction, string> = {
  accept: '引き受けを記録しました。',
  decline: '辞退を記録しました。相談は調整中に戻りました。',
  complete: '支援の完了を記録しました。',
};

/** The proposals of a request to supporters, newest last, with what can be done next with each and its 依頼票. */
export function AssignmentsList({ assignments }: { assignments: readonly Assignment[] }) {
  const transition = useAssignmentTransition();
  const [done, setDone] = useState<string>();
  // The proposal whose 依頼票 is open: one card at a time, read from the API only while it is open.
  const [handoutId, setHandoutId] = useState<number>();
  // The proposal whose 辞退 is being recorded (the reason is asked first).
  const [decliningId, setDecliningId] = useState<number>();
  if (assignments.length === 0) return <p className="empty">まだ担い手に依頼していません。</p>;

  const run = (assignmentId: number, action: AssignmentAction, reason?: string) => {
    setDone(undefined);
    transition.mutate(
      { assignmentId, action, reason },
      {
        onSuccess: () => {
          setDone(DONE[action]);
          setDecliningId(undefined);
        },
      },
    );
  };
  const press = (assignmentId: number, action: AssignmentAction) => {
    if (action !== 'decline') return run(assignmentId, action);
    setDone(undefined);
    transition.reset();
    setDecliningId(assignmentId);
  };

  return (
    <div className="stack">
      <div aria-live="polite">
        {done && <Alert kind="success">{done}</Alert>}
        {transition.error instanceof ApiError && transition.error.status === 409 && (
          <Alert kind="error" title="この操作はできませんでした">
            <p>{transition.error.message}</p>
          </Alert>
        )}
        {transition.error && !(transition.error instanceof ApiError && transition.error.status === 409) && (
          <ProblemAlert error={transition.error} />
        )}
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">担い手への依頼</caption>
          <thead>
            <tr>
              <th scope="col">担い手</th>
              <th scope="col">依頼日</th>
              <th scope="col">状態</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((a) => (
              <tr key={a.id} data-testid="assignment">
                <th scope="row">{a.supporterName}</th>
                <td>{formatDate(a.createdOn)}</td>
                <td>
                  <SupportStatusBadge status={a.status} kind="assignment" />
                </td>
                <td>
                  <div className="actions">
                    {(ACTIONS[a.status] ?? []).map((b) => (
                      <Button
                        key={b.action}
                        size="sm"
                        variant={b.variant}
                        disabled={transition.isPending}
                        aria-label={`${a.supporterName}さんの${b.label}`}
                        aria-expanded={b.action === 'decline' ? decliningId === a.id : undefined}
                        onClick={() => press(a.id, b.action)}
                      >
                        {b.label}
                      </Button>
                    ))}
                    {/* A declined proposal is not the supporter's to carry out: nothing to hand them. */}
                    {a.status !== 'DECLINED' && (
                      <Button
                        size="sm"
                        variant="secondary"
                        aria-haspopup="dialog"
                        aria-label={`${a.supporterName}さんの依頼票`}
                        onClick={() => setHandoutId(a.id)}
                      >
                        依頼票
                      </Button>
                    )}
                  </div>
                  {decliningId === a.id && a.status in ACTIONS && (
                    <DeclineForm
                      assignment={a}
                      pending={transition.isPending}
                      onDecline={(reason) => run(a.id, 'decline', reason)}
                      onCancel={() => setDecliningId(undefined)}
                    />
                  )}
                  {a.status === 'ACCEPTED' && <ActivityForm assignment={a} />}
                  {a.status !== 'PROPOSED' && <ActivitiesDisclosure assignment={a} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {handoutId !== undefined && <HandoutDialog assignmentId={handoutId} onClose={() => setHandoutId(undefined)} />}
    </div>
  );
}

/**
 * 辞退: the supporter's reason, if the coordinator was told one (optional; it is kept in the request's 経過). The
 * field takes the focus when it opens; やめる closes it and gives the focus back to the 辞退 button.
 */
function DeclineForm({
  assignment,
  pending,
  onDecline,
  onCancel,
}: {
  assignment: Assignment;
  pending: boolean;
  onDecline: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  useEffect(() => fieldRef.current?.focus(), []);
  const cancel = () => {
    // The 辞退 button of this row, in the cell the form is in.
    const button = formRef.current?.closest('td')?.querySelector<HTMLButtonElement>('button[aria-expanded]');
    onCancel();
    button?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onDecline(reason);
  };
  return (
    <form ref={formRef} className="stack decline-form" onSubmit={submit} noValidate aria-label={`${assignment.supporterName}さんの辞退の理由`}>
      <TextField
        ref={fieldRef}
        label="辞退の理由（任意）"
        maxLength={400}
        hint="相談の経過に残ります。"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormActions submitLabel={pending ? '記録しています…' : '辞退を記録'} pending={pending} onCancel={cancel} cancelLabel="やめる" />
    </form>
  );
}

/** 活動記録 of a proposal, read when opened (each read is audited). */
function ActivitiesDisclosure({ assignment }: { assignment: Assignment }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        活動記録<span className="visually-hidden">（{assignment.supporterName}さん）</span>
      </summary>
      {open && <AssignmentActivities assignmentId={assignment.id} supporterName={assignment.supporterName} />}
    </details>
  );
}

/** 活動の記録: the day (not one still to come), how long, and a note. */
function ActivityForm({ assignment }: { assignment: Assignment }) {
  const record = useRecordActivity();
  const [date, setDate] = useState(() => dayOf(new Date()));
  const [minutes, setMinutes] = useState('60');
  const [notes, setNotes] = useState('');
  const [saved, setSaved] = useState(false);
  const [errors, setErrors] = useState<{ date?: string; minutes?: string }>({});
  const apiError = record.error instanceof ApiError ? record.error : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const m = Number(minutes);
    const next: typeof errors = {};
    if (!date) next.date = '活動日を入力してください';
    if (!/^\d+$/.test(minutes.trim()) || m < 1 || m > 1440) next.minutes = '時間は 1〜1440 分で入力してください';
    setErrors(next);
    if (next.date || next.minutes) return;
    record.mutate(
      { assignmentId: assignment.id, body: { date, minutes: m, notes: notes.trim() || null } },
      { onSuccess: () => { setSaved(true); setNotes(''); } },
    );
  };

  return (
    <details>
      <summary>活動を記録</summary>
      <form className="stack" onSubmit={submit} noValidate>
        {(errors.date || errors.minutes) && <Alert kind="error">入力内容を確認してください。</Alert>}
        <ProblemAlert error={record.error} shownFields={['date', 'minutes', 'notes']} />
        {saved && <Alert kind="success">活動を記録しました。</Alert>}
        <TextField
          label="活動日"
          type="date"
          required
          max={dayOf(new Date())}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          error={errors.date ?? apiError?.fieldError('date')}
        />
        <TextField
          label="時間（分）"
          type="number"
          min={1}
          max={1440}
          required
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
          error={errors.minutes ?? apiError?.fieldError('minutes')}
        />
        <TextAreaField label="メモ" rows={2} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} error={apiError?.fieldError('notes')} />
        <Button type="submit" size="sm" disabled={record.isPending}>
          記録する
        </Button>
      </form>
    </details>
  );
}
