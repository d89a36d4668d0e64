import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { useAssignmentHandout, type AssignmentHandout } from '../api/assignments';
import { formatSchedule } from '../labels';
import '../requests.css';

export interface HandoutDialogProps {
  assignmentId: number;
  onClose: () => void;
}

/**
 * 依頼票 as a modal card over the page, with 印刷する and 閉じる. It is put straight under <body>, beside the app,
 * so that the print stylesheet can leave out everything else (header, navigation, the request page) and the
 * sheet handed to the supporter carries the card alone.
 */
export function HandoutDialog({ assignmentId, onClose }: HandoutDialogProps) {
  const handout = useAssignmentHandout(assignmentId);
  const headingId = useId();
  const layerRef = useRef<HTMLDivElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  useModal(layerRef, dialogRef);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };

  return createPortal(
    <div className="handout-layer" ref={layerRef}>
      <div
        ref={dialogRef}
        className="handout"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 id={headingId}>依頼票</h2>
        {handout.isPending ? (
          <Loading label="依頼票を読み込んでいます…" />
        ) : handout.isError ? (
          <ProblemAlert error={handout.error} />
        ) : (
          <HandoutCard handout={handout.data} />
        )}
        <div className="actions handout__actions">
          {/* Nothing worth a sheet of paper until the card has loaded. */}
          <Button onClick={() => window.print()} disabled={!handout.isSuccess}>
            印刷する
          </Button>
          <Button variant="secondary" onClick={onClose}>
            閉じる
          </Button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/**
 * While the card is open the rest of the page is inert (neither focus nor a screen reader wanders behind it);
 * focus starts on the card and goes back to what opened it (the 依頼票 button) when it closes.
 */
function useModal(layerRef: RefObject<HTMLElement | null>, dialogRef: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const layer = layerRef.current;
    // Only what this card made inert is given back: another layer's inert is not ours to lift.
    const others = Array.from(document.body.children).filter((el) => el !== layer && !el.hasAttribute('inert'));
    others.forEach((el) => el.setAttribute('inert', ''));
    dialogRef.current?.focus();
    return () => {
      others.forEach((el) => el.removeAttribute('inert'));
      if (opener?.isConnected) opener.focus();
    };
  }, [layerRef, dialogRef]);
}

/**
 * What the 依頼票 says when neither the recipient's consent nor a 支援会議's decision lets their contact go to the
 * supporter (sharingBasis NONE).
 */
export const NO_SHARING_BASIS = '同意も支援会議の決定もないため、連絡先は載せていません';

/** The sheet itself: who goes to whom, where, what and when, and how to reach them when that may be said. */
export function HandoutCard({ handout }: { handout: AssignmentHandout }) {
  const shared = handout.sharingBasis !== 'NONE';
  return (
    <div className="handout__body">
      <dl className="handout__facts">
        <Fact label="担い手">{handout.supporterName}</Fact>
        <Fact label="要支援者">{handout.recipientName}</Fact>
        <Fact label="地区">{handout.area.name}</Fact>
        <Fact label="困りごと">{handout.category}</Fact>
        <Fact label="日時">{formatSchedule(handout)}</Fact>
        <Fact label="内容">{handout.description || '—'}</Fact>
        {shared && <SharedContact handout={handout} />}
      </dl>
      {shared ? (
        <p className="handout__note">{handout.note}</p>
      ) : (
        // Said where the contact would be, and so that it prints: the supporter has to go through the coordinator.
        <Alert kind="info" title={NO_SHARING_BASIS}>
          <p>{handout.note}</p>
        </Alert>
      )}
    </div>
  );
}

/**
 * 連絡先 and 世帯の様子, shown only on a ground to share them — the recipient's consent, or a 支援会議's decision
 * (社会福祉法第106条の6), said in words as the API gives it (sharingGrounds) — so that whoever holds the sheet knows
 * why the contact is on it. The API sends null without a ground, and the lines are left out rather than shown empty,
 * so the sheet does not read as if the recipient had no telephone.
 */
function SharedContact({ handout }: { handout: AssignmentHandout }) {
  return (
    <>
      <Fact label="連絡先">{handout.contact || '—'}</Fact>
      <Fact label="世帯の様子">{handout.householdNotes || '—'}</Fact>
      <Fact label="連絡先を載せる根拠">{handout.sharingGrounds}</Fact>
    </>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
