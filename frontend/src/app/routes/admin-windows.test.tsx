import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { districts } from '@/testing/fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { AdminWindowsRoute } from './admin-windows';

const hiyoshi = districts[0];
const chuo = {
  id: 7,
  name: '中央地域包括支援センター',
  category: 'ELDERLY',
  address: '久留米市城南町15-3',
  version: 3,
  contacts: [{ phone: '0942-46-8711', fax: '0942-34-7217', areas: [{ code: hiyoshi.code, name: hiyoshi.name, kind: 'SCHOOL_DISTRICT' }] }],
};

function backend(onPut: (request: Request) => Response | Promise<Response>) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/areas') return jsonResponse({ items: districts, nextCursor: null });
    if (url.pathname === '/api/v1/consultation-windows' && request.method === 'GET') return jsonResponse({ items: [chuo] });
    if (url.pathname === '/api/v1/consultation-windows/7' && request.method === 'PUT') return onPut(request);
    if (url.pathname === '/api/v1/consultation-windows/7' && request.method === 'DELETE') return new Response(null, { status: 204 });
    return jsonResponse({ status: 404 }, 404);
  });
}

describe('相談窓口の管理', () => {
  it('lists windows with their lines and districts', async () => {
    backend(() => jsonResponse(chuo));
    renderWithProviders(<AdminWindowsRoute />);
    const row = (await screen.findByRole('rowheader', { name: /中央地域包括支援センター/ })).closest('tr')!;
    expect(row.textContent).toContain('高齢者');
    expect(row.textContent).toContain('0942-46-8711');
    expect(row.textContent).toContain('日吉校区');
  });

  it('sends the version on save and explains a conflict', async () => {
    const { requests } = backend(() => jsonResponse({ status: 409, title: 'Conflict', detail: 'version mismatch' }, 409));
    const user = userEvent.setup();
    renderWithProviders(<AdminWindowsRoute />);
    await user.click(await screen.findByRole('button', { name: '中央地域包括支援センターを編集' }));
    // The form loads when first opened.
    const name = await screen.findByLabelText(/名称/);
    await user.clear(name);
    await user.type(name, '中央地域包括支援センター（本所）');
    await user.click(screen.getByRole('checkbox', { name: /上津校区/ }));
    await user.click(screen.getByRole('button', { name: '保存' }));

    expect((await screen.findByRole('alert')).textContent).toContain('他の人が先に更新しました。再読み込みしてください');
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({
      name: '中央地域包括支援センター（本所）',
      category: 'ELDERLY',
      address: '久留米市城南町15-3',
      version: 3,
      contacts: [{ phone: '0942-46-8711', fax: '0942-34-7217', areaCodes: [hiyoshi.code, districts[1].code] }],
    });
  });

  it('shows each validation message next to its field', async () => {
    backend(() =>
      jsonResponse(
        { status: 400, detail: '入力内容を確認してください', errors: [{ field: 'update.request.contacts[0].phone', message: '電話番号の形式が正しくありません' }] },
        400,
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<AdminWindowsRoute />);
    await user.click(await screen.findByRole('button', { name: '中央地域包括支援センターを編集' }));
    await user.click(await screen.findByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toContain('入力内容を確認してください');
    const phone = screen.getByLabelText(/電話番号/);
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(phone.getAttribute('aria-describedby')!)?.textContent).toBe('電話番号の形式が正しくありません');
  });

  it('adds and removes contact lines, and is not sent twice while saving', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { requests } = backend(async () => {
      await held;
      return jsonResponse({ ...chuo, version: 4 });
    });
    const user = userEvent.setup();
    renderWithProviders(<AdminWindowsRoute />);
    await user.click(await screen.findByRole('button', { name: '中央地域包括支援センターを編集' }));
    await user.click(await screen.findByRole('button', { name: '連絡先を追加' }));
    const second = screen.getByRole('group', { name: '連絡先 2' });
    await user.type(within(second).getByLabelText(/電話番号/), '0942-30-9000');
    await user.click(within(second).getByRole('checkbox', { name: /上津校区/ }));
    await user.click(screen.getByRole('button', { name: '連絡先 1 を削除' }));

    // The line that was second is now the only one, with what was typed into it.
    const only = screen.getByRole('group', { name: '連絡先 1' });
    expect(within(only).getByLabelText<HTMLInputElement>(/電話番号/).value).toBe('0942-30-9000');
    expect(screen.queryByRole('group', { name: '連絡先 2' })).toBeNull();
    expect(screen.queryByRole('button', { name: '連絡先 1 を削除' })).toBeNull();

    await user.click(screen.getByRole('button', { name: '保存' }));
    const saving = await screen.findByRole<HTMLButtonElement>('button', { name: '保存中…' });
    expect(saving.disabled).toBe(true);
    await user.click(saving);
    release();
    expect(await screen.findByText('「中央地域包括支援センター」を保存しました。')).toBeTruthy();
    const put = requests.filter((r) => r.method === 'PUT');
    expect(put).toHaveLength(1);
    expect((await put[0].json()).contacts).toEqual([{ phone: '0942-30-9000', fax: null, areaCodes: [districts[1].code] }]);
  });

  it('deletes after confirmation', async () => {
    const { requests } = backend(() => jsonResponse(chuo));
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const user = userEvent.setup();
    renderWithProviders(<AdminWindowsRoute />);
    await user.click(await screen.findByRole('button', { name: '中央地域包括支援センターを削除' }));
    expect(await screen.findByText('「中央地域包括支援センター」を削除しました。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'DELETE' && r.url.endsWith('/api/v1/consultation-windows/7'))).toBe(true);
    expect(within(document.body).queryByText('他の人が先に更新しました。再読み込みしてください')).toBeNull();
  });
});
