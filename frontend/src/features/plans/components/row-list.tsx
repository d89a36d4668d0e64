import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { useFocusRegistry } from '@/lib/use-focus-registry';

let lastRowId = 0;

/** A row of an editable list with an id of its own, so that React keeps each row's inputs when rows move. */
export type Keyed<T> = T & { rowId: number };

export function keyed<T extends object>(row: T): Keyed<T> {
  lastRowId += 1;
  return { ...row, rowId: lastRowId };
}

export interface RowListProps<T extends object> {
  legend: string;
  hint?: ReactNode;
  rows: readonly Keyed<T>[];
  onChange: (rows: Keyed<T>[]) => void;
  /** How the row is called in its buttons' names: 「第2階層」を上へ. */
  rowName: (index: number) => string;
  /** The row's inputs; `update` replaces some of its fields. */
  renderRow: (row: Keyed<T>, index: number, update: (patch: Partial<T>) => void) => ReactNode;
  newRow: () => T;
  addLabel: string;
  min?: number;
  max?: number;
  error?: string;
}

/**
 * A list the person edits in place (a plan's level names, its actor columns): add a row at the end, remove one,
 * move one up or down. Every control is a button, so the keyboard does all of it; the focus stays on the moved row.
 */
export function RowList<T extends object>({ legend, hint, rows, onChange, rowName, renderRow, newRow, addLabel, min = 0, max = 99, error }: RowListProps<T>) {
  const { register, focus } = useFocusRegistry();
  const move = (index: number, delta: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + delta, 0, row);
    onChange(next);
    const dir = delta < 0 ? 'up' : 'down';
    focus(`${row.rowId}:${dir}`, `${row.rowId}:${dir === 'up' ? 'down' : 'up'}`);
  };
  const remove = (index: number) => {
    const next = rows.filter((_, i) => i !== index);
    onChange(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    focus(...(neighbour ? [`${neighbour.rowId}:remove`] : []), 'add');
  };
  const add = () => {
    const row = keyed(newRow());
    onChange([...rows, row]);
  };
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`}>
      <legend>{legend}</legend>
      {hint && <p className="field__hint">{hint}</p>}
      <ol className="row-list">
        {rows.map((row, index) => (
          <li key={row.rowId} className="row-list__item">
            <div className="row-list__fields">{renderRow(row, index, (patch) => onChange(rows.map((r) => (r.rowId === row.rowId ? { ...r, ...patch } : r))))}</div>
            <div className="row-list__buttons">
              <Button size="sm" variant="secondary" ref={register(`${row.rowId}:up`)} disabled={index === 0} onClick={() => move(index, -1)} aria-label={`${rowName(index)}を上へ`}>
                上へ
              </Button>
              <Button
                size="sm"
                variant="secondary"
                ref={register(`${row.rowId}:down`)}
                disabled={index === rows.length - 1}
                onClick={() => move(index, 1)}
                aria-label={`${rowName(index)}を下へ`}
              >
                下へ
              </Button>
              <Button size="sm" variant="secondary" ref={register(`${row.rowId}:remove`)} disabled={rows.length <= min} onClick={() => remove(index)} aria-label={`${rowName(index)}を削除`}>
                削除
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {error && <p className="field__error">{error}</p>}
      <Button size="sm" variant="secondary" ref={register('add')} disabled={rows.length >= max} onClick={add}>
        {addLabel}
      </Button>
    </fieldset>
  );
}
