import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { ApiError } from '@/lib/api/problem';
import { formatDate } from '@/lib/format';
import type { components } from '@/lib/api/schema';
import {
  useAssignSupporter,
  useCancelSupportRequest,
  useReferSupportRequest,
  useStartMatching,
  useSupportCandidates,
  type SupportRequest,
  type WindowCategory,
} from '../api/support-requests';
import {
  formatSchedule,
  isClosed,
  isOpenForMatching,
  labelOf,
  PAYMENT_OPTIONS,
  URGENCY_OPTIONS,
  WINDOW_CATEGORY_OPTIONS,
} from '../labels';
import { AssignmentsList } from './assignments-list';
import { CandidateList } from './candidate-list';
import { ReopenForm } from './reopen-form';
import { RequestTimelineSection } from './request-timeline';
import { SupportStatusBadge } from './status-badge';

type Recipient = components['schemas']['RecipientResponse'];

/** What the request page hands to the editor of the recipient's details, and what it gives back. */
export interface RecipientEdit {
  recipientId: number;
  onSaved: (recipient: Recipient) => void;
  onCancel: () => void;
}

/** What the request page hands to the editor of the request itself (内容を直す), and what it gives back. */
export interface RequestEdit {
  requestId: number;
  onSaved: (request: SupportRequest) => void;
  onCancel: () => void;
}

/** A request can be reopened once it is 完了 or 取消 (one sent to a window stays with the window). */
const canReopen = (request: SupportRequest) => request.status === 'COMPLETED' || request.status === 'CANCELLED';

/** A 409 is something a person can act on: say what happened in the server's words. */
function ConflictOrProblem({ error }: { error: unknown }) {
  if (error instanceof ApiError && error.status === 409) {
    return (
      <Alert kind="error" title="依頼できませんでした">
        <p>{error.message}</p>
      </Alert>
    );
  }
  return <ProblemAlert error={error} />;
}

export interface RequestDetailsProps {
  request: SupportRequest;
  /** Changes the recipient's details (features/recipients), composed by the page. */
  recipientEditor: (edit: RecipientEdit) => ReactNode;
  /** 内容を直す (with the categories of features/categories), composed by the page. */
  requestEditor: (edit: RequestEdit) => ReactNode;
  /** 情報共有の根拠 of the recipient (their consent, 支援会議 decisions: features/recipients), composed by the page. */
  sharingGrounds: (recipient: { recipientId: number; recipientName: string }) => ReactNode;
}

/**
 * One request: what was asked (and 内容を直す while it is open), on what ground the recipient's contact may go on a
 * 依頼票, the proposals so far, the candidates, the ways to close it or to reopen it, and its 経過.
 */
export function RequestDetails({ request, recipientEditor, requestEditor, sharingGrounds }: RequestDetailsProps) {
  const open = isOpenForMatching(request.status);
  const [editingRecipient, setEditingRecipient] = useState(false);
  const [editingRequest, setEditingRequest] = useState(false);
  const [saved, setSaved] = useState<string>();
  // Where the focus goes when a form closes: back to the button that opened it, or (when that button is gone, as
  // after 再開) to the message that says what happened.
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const [focusTo, setFocusTo] = useState<'edit' | 'notice'>();
  useEffect(() => {
    if (focusTo === 'edit') editButtonRef.current?.focus();
    if (focusTo === 'notice') noticeRef.current?.focus();
    setFocusTo(undefined);
  }, [focusTo]);
  const editable = !isClosed(request.status);
  return (
    <div className="stack">
      <section aria-labelledby="request-facts-heading" className="stack">
        <h2 id="request-facts-heading">相談の内容</h2>
        <dl className="facts">
          <div>
            <dt>状態</dt>
            <dd>
              <SupportStatusBadge status={request.status} />
            </dd>
          </div>
          <div>
            <dt>要支援者</dt>
            <dd>
              {request.recipientName}{' '}
              {!editingRecipient && (
                <Button
                  variant="secondary"
                  size="sm"
                  aria-label={`${request.recipientName}さんの登録内容を変更`}
                  onClick={() => {
                    setSaved(undefined);
                    setEditingRecipient(true);
                  }}
                >
                  変更
                </Button>
              )}
            </dd>
          </div>
          <div>
            <dt>地区</dt>
            <dd>{request.area.name}</dd>
          </div>
          <div>
            <dt>困りごと</dt>
            <dd>{request.category}</dd>
          </div>
          <div>
            <dt>日時</dt>
            <dd>{formatSchedule(request)}</dd>
          </div>
          <div>
            <dt>有償/無償</dt>
            <dd>{labelOf(PAYMENT_OPTIONS, request.payment)}</dd>
          </div>
          <div>
            <dt>緊急度</dt>
            <dd>{labelOf(URGENCY_OPTIONS, request.urgency)}</dd>
          </div>
          <div>
            <dt>受付日</dt>
            <dd>{formatDate(request.receivedOn)}</dd>
          </div>
          {request.referredWindow && (
            <div>
              <dt>つないだ窓口</dt>
              <dd>{request.referredWindow}</dd>
            </div>
          )}
        </dl>
        {request.description && <p className="vision">{request.description}</p>}
        {editable && !editingRequest && (
          <div>
            <Button
              ref={editButtonRef}
              variant="secondary"
              onClick={() => {
                setSaved(undefined);
                setEditingRequest(true);
              }}
            >
              内容を直す
            </Button>
          </div>
        )}
        <div aria-live="polite" ref={noticeRef} tabIndex={-1}>
          {saved && <Alert kind="success">{saved}</Alert>}
        </div>
        {editable &&
          editingRequest &&
          requestEditor({
            requestId: request.id,
            onSaved: () => {
              setEditingRequest(false);
              setSaved('相談の内容を保存しました。変えたところは経過に残りました。');
              setFocusTo('edit');
            },
            onCancel: () => {
              setEditingRequest(false);
              setFocusTo('edit');
            },
          })}
        {editingRecipient &&
          recipientEditor({
            recipientId: request.recipientId,
            onSaved: (r) => {
              setEditingRecipient(false);
              setSaved(`${r.name}さんの登録内容を保存しました。`);
            },
            onCancel: () => setEditingRecipient(false),
          })}
      </section>

      {sharingGrounds({ recipientId: request.recipientId, recipientName: request.recipientName })}

      <section aria-labelledby="assignments-heading" className="stack">
        <h2 id="assignments-heading">担い手への依頼</h2>
        <AssignmentsList assignments={request.assignments} />
      </section>

      {open && <CandidatesSection request={request} />}

      {!isClosed(request.status) && (
        <section aria-labelledby="close-heading" className="stack">
          <h2 id="close-heading">窓口へつなぐ・取り消す</h2>
          <ReferForm request={request} />
          <CancelButton request={request} />
        </section>
      )}

      {canReopen(request) && (
        <ReopenSection
          request={request}
          onReopened={() => {
            setSaved('相談を再開しました。状態は「調整中」に戻りました。');
            setFocusTo('notice');
          }}
        />
      )}

      <RequestTimelineSection requestId={request.id} />
    </div>
  );
}

function ReopenSection({ request, onReopened }: { request: SupportRequest; onReopened: () => void }) {
  const [asking, setAsking] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  // やめる gives the focus back to the button, once it is there again.
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && !asking) openRef.current?.focus();
    setRefocus(false);
  }, [refocus, asking]);
  return (
    <section aria-labelledby="reopen-heading" className="stack">
      <h2 id="reopen-heading">相談を再開する</h2>
      <p className="muted">同じ方からまた頼まれたときなどに、この相談を「調整中」に戻して担い手を探し直せます。</p>
      {asking ? (
        <ReopenForm
          request={request}
          onReopened={onReopened}
          onCancel={() => {
            setAsking(false);
            setRefocus(true);
          }}
        />
      ) : (
        <div>
          <Button ref={openRef} variant="secondary" onClick={() => setAsking(true)}>
            相談を再開する
          </Button>
        </div>
      )}
    </section>
  );
}

function CandidatesSection({ request }: { request: SupportRequest }) {
  const candidates = useSupportCandidates(request.id);
  const assign = useAssignSupporter(request.id);
  const start = useStartMatching(request.id);
  const [pendingId, setPendingId] = useState<number>();

  return (
    <section aria-labelledby="candidates-heading" className="stack">
      <h2 id="candidates-heading">候補の担い手</h2>
      <p className="muted">
        得点は 近さ・空き時間・受け持ち・継続性・公平性（それぞれ 0〜1）に重みを掛けた合計です。
      </p>
      {request.status === 'RECEIVED' && (
        <div className="toolbar">
          <Button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
            調整を始める（調整中にする）
          </Button>
          <span className="muted">候補を見るだけでは、相談の状態は「受付」のままです。</span>
        </div>
      )}
      <div aria-live="polite">
        <ConflictOrProblem error={assign.error} />
        {start.isError && <ProblemAlert error={start.error} />}
      </div>
      {candidates.isPending ? (
        <Loading label="候補を探しています…" />
      ) : candidates.isError ? (
        <ProblemAlert error={candidates.error} />
      ) : (
        <CandidateList
          list={candidates.data}
          pendingId={pendingId}
          onAssign={(c) => {
            setPendingId(c.supporterId);
            assign.mutate(c.supporterId, { onSettled: () => setPendingId(undefined) });
          }}
        />
      )}
    </section>
  );
}

function ReferForm({ request }: { request: SupportRequest }) {
  const refer = useReferSupportRequest(request.id);
  const [category, setCategory] = useState<WindowCategory | ''>('');
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!category) return setError('相談窓口の種類を選んでください');
    setError(undefined);
    refer.mutate(category);
  };

  return (
    <form className="toolbar" onSubmit={submit} noValidate aria-label="相談窓口へつなぐ">
      <SelectField
        label="つなぐ相談窓口の種類"
        value={category}
        placeholder="選択してください"
        options={WINDOW_CATEGORY_OPTIONS}
        error={error}
        onChange={(e) => setCategory(e.target.value as WindowCategory | '')}
      />
      <Button type="submit" variant="secondary" disabled={refer.isPending}>
        相談窓口へつなぐ
      </Button>
      {refer.error !== null && (
        <div style={{ flexBasis: '100%' }}>
          <ConflictOrProblem error={refer.error} />
        </div>
      )}
    </form>
  );
}

function CancelButton({ request }: { request: SupportRequest }) {
  const cancel = useCancelSupportRequest(request.id);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="stack">
      {confirming ? (
        <Alert kind="info" title="この相談を取り消しますか？">
          <p>依頼中・引受の担い手がいる場合は、その依頼も取り消されます。</p>
          <div className="actions">
            <Button variant="danger" disabled={cancel.isPending} onClick={() => cancel.mutate(undefined, { onSettled: () => setConfirming(false) })}>
              取り消す
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)}>
              やめる
            </Button>
          </div>
        </Alert>
      ) : (
        <div>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            取り消す
          </Button>
        </div>
      )}
      {cancel.error !== null && <ConflictOrProblem error={cancel.error} />}
    </div>
  );
}
