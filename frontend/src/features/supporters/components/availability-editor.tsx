import { useRef } from 'react';
import { useFieldArray, useWatch, type Control, type UseFormRegister } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { WEEKDAYS } from '@/lib/week';
import { MAX_SLOTS, newSlotRow, type SupporterValues } from '../supporter-values';
import '../supporters.css';
import { WeekGrid } from './week-grid';

const DAY_OPTIONS = WEEKDAYS.map((d, i) => ({ value: String(i + 1), label: `${d}曜` }));

export interface AvailabilityEditorProps {
  /** The supporter form's, whose `availability` these lines are. */
  control: Control<SupporterValues>;
  register: UseFormRegister<SupporterValues>;
  /** What is wrong with the line at this position (the form's check or the server's), shown at its 終了. */
  lineError: (index: number) => string | undefined;
  /** An error about the whole list (too many lines, or the server's word on `availability`). */
  error?: string;
}

/**
 * 毎週の空き時間 as lines of 曜日 + 開始〜終了, with the week grid of the lines that are complete under them. Lines
 * rather than a clickable grid: every input is an ordinary labelled control, usable from the keyboard and
 * read out by a screen reader, and minutes (09:30) can be given.
 */
export function AvailabilityEditor({ control, register, lineError, error }: AvailabilityEditorProps) {
  const boxRef = useRef<HTMLFieldSetElement>(null);
  // The field array moves each line's error along with it when another line is removed.
  const { fields, append, remove } = useFieldArray({ control, name: 'availability' });
  const rows = useWatch({ control, name: 'availability' });
  const full = fields.length >= MAX_SLOTS;

  // The line just added takes the focus (its 曜日: append focuses the line's first field), so the keyboard user
  // carries on where they asked for it.
  const add = () => append(newSlotRow(rows.at(-1)));
  const removeAt = (index: number) => {
    remove(index);
    // The removed line's button is gone: put the focus somewhere that stays.
    boxRef.current?.querySelector<HTMLButtonElement>('[data-add-slot]')?.focus();
  };

  const complete = rows.filter((r) => r.start && r.end && r.end > r.start);

  return (
    <fieldset ref={boxRef} className={`fieldset${error ? ' field--invalid' : ''}`} aria-describedby={error ? 'availability-error' : undefined}>
      <legend>毎週の空き時間</legend>
      <p className="field__hint">
        相談の希望の時間帯と重なるほど、候補の「空き時間」の得点が高くなります（{MAX_SLOTS} 件まで）。
      </p>
      {fields.length === 0 ? (
        <p className="empty">空き時間の登録はありません。</p>
      ) : (
        <ol className="slot-list">
          {fields.map((field, i) => (
            <SlotLine key={field.id} index={i} register={register} error={lineError(i)} onRemove={() => removeAt(i)} />
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
  index: number;
  register: UseFormRegister<SupporterValues>;
  error?: string;
  onRemove: () => void;
}

/** One line: its own group (「空き時間 2」) so its 曜日・開始・終了 are told apart from the other lines'. */
function SlotLine({ index, register, error, onRemove }: SlotLineProps) {
  const name = `空き時間 ${index + 1}`;
  return (
    <li>
      <fieldset className="slot-line" aria-label={name}>
        <span className="slot-line__number" aria-hidden="true">
          {index + 1}
        </span>
        <SelectField label="曜日" options={DAY_OPTIONS} {...register(`availability.${index}.dayOfWeek`)} />
        <TextField label="開始" type="time" {...register(`availability.${index}.start`)} />
        <TextField label="終了" type="time" {...register(`availability.${index}.end`)} error={error} />
        <Button variant="secondary" size="sm" onClick={onRemove} aria-label={`${name}を削除`}>
          削除
        </Button>
      </fieldset>
    </li>
  );
}
