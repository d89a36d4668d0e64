import { useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { formatDate } from '@/lib/format';
import { ApiError } from '@/lib/api/problem';
import { useAssignmentTransition, useRecordActivity, type Assignment, type AssignmentAction } from '../api/assignments';
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
  if (assignments.length === 0) return <p className="empty">まだ担い手に依頼していません。</p>;

  const run = (assignmentId: number, action: AssignmentAction) => {
    setDone(undefined);
    transition.mutate({ assignmentId, action }, { onSuccess: () => setDone(DONE[action]) });
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
                        onClick={() => run(a.id, b.action)}
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
                  {a.status === 'ACCEPTED' && <ActivityForm assignment={a} />}
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

const today = () => {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};

/** 活動の記録: the day, how long, and a note. */
function ActivityForm({ assignment }: { assignment: Assignment }) {
  const record = useRecordActivity();
  const [date, setDate] = useState(today);
  const [minutes, setMinutes] = useState('60');
  const [notes, setNotes] = useState('');
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const m = Number(minutes);
    if (!date) return setError('活動日を入力してください');
    if (!Number.isInteger(m) || m < 1 || m > 1440) return setError('時間は 1〜1440 分で入力してください');
    setError(undefined);
    record.mutate(
      { assignmentId: assignment.id, body: { date, minutes: m, notes: notes.trim() || null } },
      { onSuccess: () => { setSaved(true); setNotes(''); } },
    );
  };

  return (
    <details>
      <summary>活動を記録</summary>
      <form className="stack" onSubmit={submit} noValidate>
        {error && <Alert kind="error">{error}</Alert>}
        <ProblemAlert error={record.error} />
        {saved && <Alert kind="success">活動を記録しました。</Alert>}
        <TextField label="活動日" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
        <TextField label="時間（分）" type="number" min={1} max={1440} required value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        <TextAreaField label="メモ" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        <Button type="submit" size="sm" disabled={record.isPending}>
          記録する
        </Button>
      </form>
    </details>
  );
}
