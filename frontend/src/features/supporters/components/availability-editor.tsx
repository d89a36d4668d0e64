import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { WEEKDAYS } from '@/lib/week';
import { MAX_SLOTS, newSlotRow, slotErrorKey, type SlotRow } from '../supporter-values';
import '../supporters.css';
import { WeekGrid } from './week-grid';

const DAY_OPTIONS = WEEKDAYS.map((d, i) => ({ value: String(i + 1), label: `${d}曜` }));

export interface AvailabilityEditorProps {
  rows: readonly SlotRow[];
  onChange: (rows: SlotRow[]) => void;
  /** Errors of single lines, under slotErrorKey(row). */
  errors: Readonly<Record<string, string>>;
  /** An error about the whole list (too many lines, or the server's word on `availability`). */
  error?: string;
}

/**
 * 毎週の空き時間 as lines of 曜日 + 開始〜終了, with the week grid of the lines that are complete under them. Lines
 * rather than a clickable grid: every input is an ordinary labelled control, usable from the keyboard and
 * read out by a screen reader, and minutes (09:30) can be given.
 */
export function AvailabilityEditor({ rows, onChange, errors, error }: AvailabilityEditorProps) {
  const boxRef = useRef<HTMLFieldSetElement>(null);
  // The line just added takes the focus, so the keyboard user carries on where they asked for it.
  const [focusKey, setFocusKey] = useState<number>();
  const full = rows.length >= MAX_SLOTS;

  const add = () => {
    const row = newSlotRow(rows.at(-1));
    setFocusKey(row.key);
    onChange([...rows, row]);
  };
  const remove = (key: number) => {
    onChange(rows.filter((r) => r.key !== key));
    // The removed line's button is gone: put the focus somewhere that stays.
    boxRef.current?.querySelector<HTMLButtonElement>('[data-add-slot]')?.focus();
  };
  const update = (key: number, patch: Partial<SlotRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const complete = rows.filter((r) => r.start && r.end && r.end > r.start);

  return (
    <fieldset ref={boxRef} className={`fieldset${error ? ' field--invalid' : ''}`} aria-describedby={error ? 'availability-error' : undefined}>
      <legend>毎週の空き時間</legend>
      <p className="field__hint">
        相談の希望の時間帯と重なるほど、候補の「空き時間」の得点が高くなります（{MAX_SLOTS} 件まで）。
      </p>
      {rows.length === 0 ? (
        <p className="empty">空き時間の登録はありません。</p>
      ) : (
        <ol className="slot-list">
          {rows.map((row, i) => (
            <SlotLine
              key={row.key}
              row={row}
              number={i + 1}
              error={errors[slotErrorKey(row)]}
              autoFocus={row.key === focusKey}
              onChange={(patch) => update(row.key, patch)}
              onRemove={() => remove(row.key)}
            />
          ))}
        </ol>
      )}
      <div className="actions">
        <Button variant="secondary" size="sm" data-add-slot onClick={add} disabled={full}>
          空き時間を追加
        </Button>
        {full && <span className="muted">空き時間は {MAX_SLOTS} 件までです</span>}
      </div>
      {complete.length > 0 && <WeekGrid slots={complete.map((r) => ({ dayOfWeek: Number(r.dayOfWeek), start: r.start, end: r.end }))} label="入力中の空き時間" />}
      {error && (
        <p className="field__error" id="availability-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface SlotLineProps {
  row: SlotRow;
  number: number;
  error?: string;
  autoFocus: boolean;
  onChange: (patch: Partial<SlotRow>) => void;
  onRemove: () => void;
}

/** One line: its own group (「空き時間 2」) so its 曜日・開始・終了 are told apart from the other lines'. */
function SlotLine({ row, number, error, autoFocus, onChange, onRemove }: SlotLineProps) {
  const name = `空き時間 ${number}`;
  return (
    <li>
      <fieldset className="slot-line" aria-label={name}>
        <span className="slot-line__number" aria-hidden="true">
          {number}
        </span>
        <SelectField label="曜日" value={row.dayOfWeek} options={DAY_OPTIONS} autoFocus={autoFocus} onChange={(e) => onChange({ dayOfWeek: e.target.value })} />
        <TextField label="開始" type="time" value={row.start} onChange={(e) => onChange({ start: e.target.value })} />
        <TextField label="終了" type="time" value={row.end} onChange={(e) => onChange({ end: e.target.value })} error={error} />
        <Button variant="secondary" size="sm" onClick={onRemove} aria-label={`${name}を削除`}>
          削除
        </Button>
      </fieldset>
    </li>
  );
}
