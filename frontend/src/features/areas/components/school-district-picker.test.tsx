import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { districts } from '@/testing/fixtures';
import type { Area } from '../api/get-school-districts';
import { SchoolDistrictPicker } from './school-district-picker';

function Harness({ onChange }: { onChange?: (a: Area | null) => void }) {
  const [value, setValue] = useState<Area | null>(null);
  return (
    <SchoolDistrictPicker
      districts={districts}
      value={value}
      onChange={(a) => {
        setValue(a);
        onChange?.(a);
      }}
    />
  );
}

const optionTexts = () =>
  within(screen.getByRole('listbox', { hidden: true }))
    .queryAllByRole('option')
    .map((o) => o.textContent);

describe('SchoolDistrictPicker', () => {
  it('filters by the hiragana reading and shows name, reading and city', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByRole('combobox', { name: '校区' }), 'ひよし');
    expect(optionTexts()).toEqual(['日吉校区（ひよし）— 久留米市', '日吉台校区（ひよしだい）— 福岡市']);
  });

  it('filters by katakana as if it were hiragana', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByRole('combobox', { name: '校区' }), 'コウヅ');
    expect(optionTexts()).toEqual(['上津校区（こうづ）— 久留米市']);
  });

  it('filters by part of the name', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByRole('combobox', { name: '校区' }), '上津');
    expect(optionTexts()).toEqual(['上津校区（こうづ）— 久留米市']);
  });

  it('says so when nothing matches', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.type(screen.getByRole('combobox', { name: '校区' }), 'ぞぞぞ');
    expect(optionTexts()).toEqual(['該当する校区がありません']);
  });

  it('picks an option with the mouse', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: '校区' });
    await user.type(input, 'みいけ');
    await user.click(screen.getByRole('option', { name: /三池校区/ }));
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ code: '40203-SD-MIIKE' }));
    expect(input).toHaveProperty('value', '三池校区（みいけ）— 久留米市');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('picks an option with the keyboard', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    await user.type(screen.getByRole('combobox', { name: '校区' }), 'ひよし{ArrowDown}{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ code: '40130-SD-HIYOSHI' }));
  });

  it('clears the choice when the text is edited again', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByRole('combobox', { name: '校区' });
    await user.type(input, 'くしわら{Enter}');
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ code: '40203-SD-KUSHIWARA' }));
    await user.type(input, '{Backspace}');
    expect(onChange).toHaveBeenLastCalledWith(null);
  });
});
