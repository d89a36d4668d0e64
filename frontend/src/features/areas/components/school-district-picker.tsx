import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Area } from '../api/get-school-districts';
import { areaLabel, matchesArea } from '../area-label';

const MAX_OPTIONS = 50;

export interface SchoolDistrictPickerProps {
  districts: readonly Area[];
  value: Area | null;
  onChange: (area: Area | null) => void;
  label?: string;
  hint?: string;
  disabled?: boolean;
}

/**
 * A combobox (WAI-ARIA APG "list autocomplete") for choosing one school district by typing part
 * of its name or its reading in hiragana or katakana.
 */
export function SchoolDistrictPicker({
  districts,
  value,
  onChange,
  label = '校区',
  hint = '校区名の一部、または読みがな（ひらがな）を入力して候補から選んでください。',
  disabled,
}: SchoolDistrictPickerProps) {
  const id = useId();
  const listId = `${id}-listbox`;
  const [text, setText] = useState(value ? areaLabel(value) : '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);

  // Keep the text in step when the parent changes the value (e.g. clears it).
  const [shown, setShown] = useState<Area | null>(value);
  if (shown !== value) {
    setShown(value);
    setText(value ? areaLabel(value) : '');
  }

  const query = value && text === areaLabel(value) ? '' : text;
  const matches = useMemo(() => districts.filter((d) => matchesArea(d, query)), [districts, query]);
  const options = matches.slice(0, MAX_OPTIONS);

  const choose = (area: Area) => {
    setText(areaLabel(area));
    setOpen(false);
    setActive(-1);
    setShown(area);
    onChange(area);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setOpen(true);
        setActive((i) => Math.min(i + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        setOpen(true);
        setActive((i) => Math.max(i - 1, 0));
        break;
      case 'Enter':
        if (open && active >= 0 && options[active]) {
          event.preventDefault();
          choose(options[active]);
        } else if (open && options.length === 1) {
          event.preventDefault();
          choose(options[0]);
        }
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        }
        break;
    }
  };

  const activeId = open && active >= 0 && options[active] ? `${id}-opt-${options[active].code}` : undefined;

  return (
    <div className="field combobox">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="field__hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        ref={inputRef}
        id={id}
        className="input"
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-describedby={`${id}-hint ${id}-status`}
        value={text}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
          if (value) {
            setShown(null);
            onChange(null);
          }
        }}
        onFocus={() => setOpen(true)}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <p className="visually-hidden" id={`${id}-status`} aria-live="polite">
        {open ? `候補 ${matches.length} 件` : ''}
      </p>
      <ul className="combobox__list" id={listId} role="listbox" aria-label={`${label}の候補`} hidden={!open}>
        {options.map((area, index) => (
          <li
            key={area.code}
            id={`${id}-opt-${area.code}`}
            role="option"
            aria-selected={value?.code === area.code}
            className={`combobox__option${index === active ? ' combobox__option--active' : ''}`}
            // mousedown, not click: the input must not lose focus (and close the list) first.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(area);
            }}
          >
            {areaLabel(area)}
          </li>
        ))}
        {open && matches.length === 0 && (
          <li className="combobox__empty" role="option" aria-selected={false} aria-disabled="true">
            該当する校区がありません
          </li>
        )}
        {matches.length > MAX_OPTIONS && (
          <li className="combobox__more" role="option" aria-selected={false} aria-disabled="true">
            ほか {matches.length - MAX_OPTIONS} 件。さらに入力して絞り込んでください。
          </li>
        )}
      </ul>
    </div>
  );
}
