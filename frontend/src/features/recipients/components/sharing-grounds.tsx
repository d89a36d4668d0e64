import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { formatDate, formatJapanDateTime } from '@/lib/format';
import { useRecipient } from '../api/recipients';
import { useSharingDecisions, type SharingDecision } from '../api/sharing-decisions';
import '../recipients.css';

// The form (react-hook-form among it) loads when it is first opened: the request page is mostly read, and the main
// chunk is close to the 500 kB Vite warns at.
const SharingDecisionForm = lazy(async () => ({ default: (await import('./sharing-decision-form')).SharingDecisionForm }));

export interface SharingGroundsSectionProps {
  recipientId: number;
  recipientName: string;
}

/**
 * 情報共有の根拠: on what ground the resident's contact and household notes may go on a 依頼票 — their consent, or a
 * 支援会議's decision (社会福祉法第106条の6) — with the decisions recorded and a form to record one. Reading the
 * recipient and their decisions is audited, so nothing is asked until the section is opened.
 */
export function SharingGroundsSection({ recipientId, recipientName }: SharingGroundsSectionProps) {
  const headingId = useId();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby={headingId} className="stack">
      <h2 id={headingId}>情報共有の根拠</h2>
      <p className="muted">
        担い手に渡す依頼票に{recipientName}さんの連絡先と世帯の様子を載せるには、ご本人の同意か、支援会議の決定が必要です。
      </p>
      <details className="rule-details" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>同意と支援会議の決定を見る</summary>
        {open && <SharingGrounds recipientId={recipientId} recipientName={recipientName} />}
      </details>
    </section>
  );
}

function SharingGrounds({ recipientId, recipientName }: SharingGroundsSectionProps) {
  const recipient = useRecipient(recipientId);
  const decisions = useSharingDecisions(recipientId);
  const [recording, setRecording] = useState(false);
  const [notice, setNotice] = useState<string>();
  const recordButtonRef = useRef<HTMLButtonElement>(null);
  // The focus goes back to 「支援会議の決定を記録する」 once the form has closed (the button is there again).
  const [refocus, setRefocus] = useState(false);
  useEffect(() => {
    if (refocus && !recording) recordButtonRef.current?.focus();
    setRefocus(false);
  }, [refocus, recording]);

  if (recipient.isPending || decisions.isPending) return <Loading label="情報共有の根拠を読み込んでいます…" />;
  if (recipient.isError) return <ProblemAlert error={recipient.error} />;
  if (decisions.isError) return <ProblemAlert error={decisions.error} />;
  const consent = recipient.data.consent;
  const latest = decisions.data[0];

  return (
    <div className="stack sharing-grounds">
      <p className="sharing-grounds__basis" data-testid="sharing-basis">
        {consent
          ? 'ご本人が同意しています。依頼票に連絡先が載ります。'
          : latest
            ? `ご本人の同意はありませんが、支援会議の決定（${formatDate(latest.meetingDate)}「${latest.meetingName}」）により、依頼票に連絡先が載ります。`
            : 'ご本人の同意も支援会議の決定もないため、依頼票に連絡先は載りません。'}
      </p>
      <DecisionList decisions={decisions.data} recipientName={recipientName} />
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      {recording ? (
        <Suspense fallback={<Loading label="入力欄を読み込んでいます…" />}>
          <SharingDecisionForm
            recipientId={recipientId}
            recipientName={recipientName}
            onRecorded={(decision) => {
              setRecording(false);
              setRefocus(true);
              setNotice(
                consent
                  ? `支援会議の決定（${formatDate(decision.meetingDate)}「${decision.meetingName}」）を記録しました。`
                  : `支援会議の決定（${formatDate(decision.meetingDate)}「${decision.meetingName}」）を記録しました。これからの依頼票には、この決定を根拠に連絡先が載ります。`,
              );
            }}
            onCancel={() => {
              setRecording(false);
              setRefocus(true);
            }}
          />
        </Suspense>
      ) : (
        <div>
          <Button
            ref={recordButtonRef}
            variant="secondary"
            onClick={() => {
              setNotice(undefined);
              setRecording(true);
            }}
          >
            支援会議の決定を記録する
          </Button>
        </div>
      )}
    </div>
  );
}

/** The decisions recorded, the latest meeting first (as the API gives them): when, which meeting, who decided, and who recorded it. */
function DecisionList({ decisions, recipientName }: { decisions: readonly SharingDecision[]; recipientName: string }) {
  if (decisions.length === 0) return <p className="empty">記録された支援会議の決定はありません。</p>;
  return (
    <ul className="sharing-decisions" aria-label={`${recipientName}さんについての支援会議の決定`}>
      {decisions.map((d) => (
        <li key={d.id} data-testid="sharing-decision">
          <p className="sharing-decisions__meeting">
            {formatDate(d.meetingDate)} {d.meetingName}
          </p>
          <dl className="sharing-decisions__facts">
            <div>
              <dt>決めた人・機関</dt>
              <dd>{d.decidedBy}</dd>
            </div>
            {d.note && (
              <div>
                <dt>メモ</dt>
                <dd>{d.note}</dd>
              </div>
            )}
            <div>
              <dt>記録</dt>
              <dd>
                {d.recordedBy}（{formatJapanDateTime(d.recordedAt)}）
              </dd>
            </div>
          </dl>
        </li>
      ))}
    </ul>
  );
}
