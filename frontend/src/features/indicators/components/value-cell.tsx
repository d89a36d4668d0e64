import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { formatNumber } from '@/lib/format';
import type { IndicatorValue, Marker, PutValueRequest, ValueKind } from '../api/indicators';
import type { SourceInfo } from '../source';
import { MARKER_LABELS, markersFor, parseCell } from '../values';
import { SourceBadge } from './source-badge';

export interface ValueCellProps {
  /** e.g. "令和5年度 (2023) 実績値 月4回以上" — the accessible name of the input. */
  label: string;
  kind: ValueKind;
  option: string | null;
  stored: IndicatorValue | undefined;
  editable: boolean;
  unit?: string | null;
  /** Where a computed value comes from (a survey, the support statistics); such a cell is read-only. */
  source?: SourceInfo | null;
  /** Why the cell cannot be typed into although nothing is stored yet (a rule will write it). */
  lockedReason?: string | null;
  /** What an empty cell means, when it means something (a target of a 未設定 indicator: 未設定) rather than 未入力. */
  emptyText?: string;
  /** Saves the cell; rejects when the API refuses (the grid shows why). */
  onSave: (body: PutValueRequest) => Promise<unknown>;
}

/** What a stored value looks like when it cannot be edited. */
export function storedText(stored: IndicatorValue | undefined): string {
  if (!stored) return '';
  if (stored.value !== null) return formatNumber(stored.value);
  if (stored.marker) return MARKER_LABELS[stored.marker];
  return '';
}

/**
 * One cell of the values grid: a number typed in the input, or a marker chosen in the select next to
 * it. Saved on Enter, on leaving the input, or on choosing a marker, with the version it was read at.
 */
export function ValueCell({ label, kind, option, stored, editable, unit, source, lockedReason, emptyText, onSave }: ValueCellProps) {
  const id = useId();
  const initialText = stored?.value !== null && stored?.value !== undefined ? String(stored.value) : '';
  const initialMarker: Marker | '' = stored?.marker ?? '';
  const [text, setText] = useState(initialText);
  const [marker, setMarker] = useState<Marker | ''>(initialMarker);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const committed = useRef({ text: initialText, marker: initialMarker });

  if (!editable) {
    const shown = storedText(stored);
    return (
      <span className="value-cell__text">
        {shown || (emptyText ? <span className="muted">{emptyText}</span> : <span className="muted" role="img" aria-label="未入力">—</span>)}
        {shown && stored?.value !== null && unit ? <span className="visually-hidden"> {unit}</span> : null}
        {source && <SourceBadge info={source} />}
      </span>
    );
  }

  const readOnlyReason = source?.reason ?? lockedReason;
  if (readOnlyReason) {
    // Still an input (read-only) so the grid reads the same way everywhere; the reason is its description.
    return (
      <div className="value-cell value-cell--derived">
        <input
          id={id}
          className="input value-cell__input"
          type="text"
          aria-label={label}
          aria-describedby={`${id}-why`}
          title={readOnlyReason}
          value={initialText || storedText(stored)}
          readOnly
        />
        <span id={`${id}-why`} className="visually-hidden">
          {readOnlyReason}
        </span>
        {source && <SourceBadge info={source} />}
      </div>
    );
  }

  const commit = async (nextText: string, nextMarker: Marker | '') => {
    if (saving) return;
    if (nextText === committed.current.text && nextMarker === committed.current.marker) return;
    const parsed = parseCell(nextText, nextMarker, kind);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    const previous = committed.current;
    committed.current = { text: nextText, marker: nextMarker };
    setSaving(true);
    try {
      await onSave({ kind, option, value: parsed.value, marker: parsed.marker, version: stored?.version ?? null });
    } catch {
      committed.current = previous;
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit(text, marker);
    } else if (event.key === 'Escape') {
      setText(committed.current.text);
      setError(null);
    }
  };

  return (
    <div className={`value-cell${error ? ' value-cell--invalid' : ''}`}>
      <input
        id={id}
        className="input value-cell__input"
        type="text"
        inputMode="decimal"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        placeholder={emptyText}
        value={marker ? MARKER_LABELS[marker] : text}
        readOnly={Boolean(marker)}
        disabled={saving}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => void commit(text, marker)}
        onKeyDown={onKeyDown}
      />
      <select
        className="select value-cell__marker"
        aria-label={`${label}の記号`}
        value={marker}
        disabled={saving}
        onChange={(e) => {
          const next = e.target.value as Marker | '';
          setMarker(next);
          if (next) setText('');
          void commit(next ? '' : text, next);
        }}
      >
        <option value="">数値</option>
        {markersFor(kind).map((m) => (
          <option key={m} value={m}>
            {MARKER_LABELS[m]}
          </option>
        ))}
      </select>
      {saving && <span className="value-cell__status" role="status">保存中…</span>}
      {error && (
        <p className="field__error value-cell__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
