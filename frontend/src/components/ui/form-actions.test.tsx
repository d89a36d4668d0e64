import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FormActions } from './form-actions';

describe('FormActions', () => {
  it('disables the submit button while pending, leaving cancel usable', () => {
    render(<FormActions submitLabel="保存中…" pending onCancel={() => {}} />);
    const submit = screen.getByRole<HTMLButtonElement>('button', { name: '保存中…' });
    expect(submit.disabled).toBe(true);
    expect(submit.type).toBe('submit');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'キャンセル' }).disabled).toBe(false);
  });

  it('locks cancel too while pending when asked', () => {
    render(<FormActions submitLabel="保存" pending lockCancel cancelLabel="やめる" onCancel={() => {}} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'やめる' }).disabled).toBe(true);
  });

  it('calls onCancel, and shows extra controls after the two buttons', async () => {
    const onCancel = vi.fn();
    render(
      <FormActions submitLabel="保存" pending={false} onCancel={onCancel}>
        <a href="/x">ほかへ</a>
      </FormActions>,
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '保存' }).disabled).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: 'キャンセル' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('link', { name: 'ほかへ' }).parentElement?.className).toBe('actions');
  });
});
