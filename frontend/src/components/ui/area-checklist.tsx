import { useId, useMemo, useState } from 'react';
import { normaliseForSearch } from '@/lib/kana';

/** An area a contact line can serve, as the page hands it in (the directory does not own areas). */
export interface AreaChoice {
  code: string;
  name: string;
  /** What the checkbox says, e.g. "〇〇校区（よみがな）— 〇〇市". */
  label: string;
  kana?: string;
}

export interface AreaChecklistProps {
  legend: string;
  choices: readonly AreaChoice[];
  selected: readonly string[];
  onChange: (codes: string[]) => void;
  error?: string;
}

/** Checkboxes for many areas (shared: 相談窓口 and 職員アカウント both pick school districts), with a text filter (name, reading or code) and a summary of the choice. */
export function AreaChecklist({ legend, choices, selected, onChange, error }: AreaChecklistProps) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const q = normaliseForSearch(filter);
  const visible = useMemo(
    () =>
      q
        ? choices.filter(
            (c) =>
              normaliseForSearch(c.label).includes(q) ||
              normaliseForSearch(c.kana ?? '').includes(q) ||
              c.code.toLowerCase() === q,
          )
        : choices,
    [choices, q],
  );
  const selectedSet = new Set(selected);
  const names = choices.filter((c) => selectedSet.has(c.code)).map((c) => c.name);

  const toggle = (code: string, checked: boolean) => {
    onChange(checked ? [...selected, code] : selected.filter((c) => c !== code));
  };

  return (
    <fieldset className={`fieldset area-checklist${error ? ' field--invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-filter`}>
          校区を絞り込む
        </label>
        <input
          id={`${id}-filter`}
          className="input input--narrow"
          type="search"
          value={filter}
          placeholder="例: ひよし"
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <p className="field__hint" aria-live="polite">
        選択中（{names.length}件）: {names.length ? names.join('、') : 'なし'}
      </p>
      <div className="area-checklist__box">
        {visible.length === 0 && <p className="empty">該当する校区がありません</p>}
        {visible.map((c) => (
          <label key={c.code} className="checkbox">
            <input type="checkbox" checked={selectedSet.has(c.code)} onChange={(e) => toggle(c.code, e.target.checked)} />
            <span>
              {c.label} <span className="code">{c.code}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
