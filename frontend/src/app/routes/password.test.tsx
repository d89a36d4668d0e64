import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Outlet, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { RequireAuth } from '../shell/require-auth';
import { PasswordRoute } from './password';

const me = (mustChangePassword: boolean) => ({
  subject: 'takasu',
  displayName: '高須 相談員',
  kind: 'USER',
  roles: mustChangePassword ? [] : ['COORDINATOR'],
  scopes: [],
  districts: [],
  mustChangePassword,
});

/** /me as the API answers it: no roles and mustChangePassword until PUT /me/password succeeds (or is refused by `refuse`). */
function backend(mustChange: boolean, refuse?: (body: { currentPassword: string; newPassword: string }) => Response | undefined) {
  let must = mustChange;
  return mockFetch(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/v1/me') return jsonResponse(me(must));
    if (pathname === '/api/v1/me/password' && request.method === 'PUT') {
      const refused = refuse?.(await request.clone().json());
      if (refused) return refused;
      must = false;
      return new Response(null, { status: 204 });
    }
    return jsonResponse({ status: 403 }, 403);
  });
}

function renderApp(route: string) {
  saveSession('jwt', 600);
  return renderWithProviders(
    <Routes>
      <Route
        element={
          <RequireAuth>
            <Outlet />
          </RequireAuth>
        }
      >
        <Route path="/password" element={<PasswordRoute />} />
        <Route path="/support" element={<p>生活支援の画面</p>} />
        <Route path="/directory" element={<p>相談先検索の画面</p>} />
      </Route>
    </Routes>,
    { route },
  );
}

async function change(user: ReturnType<typeof userEvent.setup>, current: string, next: string, confirmation = next) {
  const form = await screen.findByRole('form', { name: 'パスワード変更' });
  for (const [label, value] of [
    [/^いまのパスワード/, current],
    [/^新しいパスワード必須/, next],
    [/^新しいパスワード（確認）/, confirmation],
  ] as const) {
    const input = within(form).getByLabelText(label);
    await user.clear(input);
    await user.type(input, value);
  }
  await user.click(within(form).getByRole('button', { name: 'パスワードを変更' }));
  return form;
}

const problem = (type: string, field: string, message: string) =>
  jsonResponse({ type: `/problems/${type}`, title: '処理できない内容です', status: 422, detail: message, errors: [{ field, message }] }, 422);

describe('パスワード変更', () => {
  it('sends a person whose password an administrator reset here, whatever they asked for, then on to the start page', async () => {
    const { requests } = backend(true);
    const user = userEvent.setup();
    renderApp('/support');

    expect(await screen.findByRole('heading', { level: 1, name: 'パスワード変更' })).toBeTruthy();
    expect(screen.getByText('管理者がパスワードを再設定しました。新しいパスワードを決めてください。')).toBeTruthy();
    expect(screen.queryByText('生活支援の画面')).toBeNull();

    await change(user, 'karino-pasuwaado-1', 'ひまわり畑で会いましょう');

    expect(await screen.findByText('相談先検索の画面')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({ currentPassword: 'karino-pasuwaado-1', newPassword: 'ひまわり畑で会いましょう' });
    expect(requests.filter((r) => new URL(r.url).pathname === '/api/v1/me')).toHaveLength(2);
  });

  it('lets anyone change their password from the shell, and says it is done', async () => {
    backend(false);
    const user = userEvent.setup();
    renderApp('/password');
    expect(await screen.findByRole('heading', { level: 1, name: 'パスワード変更' })).toBeTruthy();
    expect(screen.queryByText(/管理者がパスワードを再設定しました/)).toBeNull();

    await change(user, 'ima-no-pasuwaado', 'ひまわり畑で会いましょう');

    expect(await screen.findByText('パスワードを変更しました。次回からは新しいパスワードでログインしてください。')).toBeTruthy();
    expect((screen.getByLabelText(/^いまのパスワード/) as HTMLInputElement).value).toBe('');
  });

  it('checks the confirmation before asking', async () => {
    const { requests } = backend(false);
    const user = userEvent.setup();
    renderApp('/password');
    const form = await change(user, 'ima-no-pasuwaado', 'ひまわり畑で会いましょう', 'ひまわり畑で会いましょ');
    expect(within(form).getByText('新しいパスワード（確認）が新しいパスワードと一致しません')).toBeTruthy();
    expect(document.activeElement?.textContent).toContain('入力内容を確認してください。');
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('shows a wrong current password at that field, in a focused alert', async () => {
    backend(false, () => problem('wrong-password', 'currentPassword', 'いまのパスワードが正しくありません'));
    const user = userEvent.setup();
    renderApp('/password');
    const form = await change(user, 'machigai', 'ひまわり畑で会いましょう');
    const current = within(form).getByLabelText(/^いまのパスワード/);
    await waitFor(() => expect(current.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getAllByText('いまのパスワードが正しくありません').length).toBeGreaterThan(0);
    expect(document.activeElement?.contains(within(form).getByRole('alert'))).toBe(true);
  });

  it('shows a weak new password at the new password', async () => {
    backend(false, () => problem('weak-password', 'newPassword', 'よく使われるパスワードは使えません'));
    const user = userEvent.setup();
    renderApp('/password');
    const form = await change(user, 'ima-no-pasuwaado', 'password1234');
    const next = within(form).getByLabelText(/^新しいパスワード必須/);
    await waitFor(() => expect(next.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('heading', { level: 1, name: 'パスワード変更' })).toBeTruthy();
  });
});
