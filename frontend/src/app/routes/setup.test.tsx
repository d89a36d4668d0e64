import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { LoginRoute } from './login';
import { SetupRoute } from './setup';

/** The API of a new installation: no administrator yet until POST /setup answers 201 (or what `refuse` says). */
function backend(refuse?: (body: Record<string, string>) => Response | undefined, needed = true) {
  let done = !needed;
  return mockFetch(async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/v1/setup' && request.method === 'GET') return jsonResponse({ needed: !done });
    if (pathname === '/api/v1/setup' && request.method === 'POST') {
      const body = await request.json();
      const refused = refuse?.(body);
      if (refused) return refused;
      done = true;
      return jsonResponse({ username: body.username }, 201);
    }
    if (pathname === '/api/v1/auth/options') return jsonResponse({ passwordLogin: true, oidc: null });
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderSetup() {
  return renderWithProviders(
    <Routes>
      <Route path="/setup" element={<SetupRoute />} />
      <Route path="/login" element={<LoginRoute />} />
    </Routes>,
    { route: '/setup' },
  );
}

async function fill(user: ReturnType<typeof userEvent.setup>, values: Partial<Record<string, string>> = {}) {
  const v = { code: 'ABCD-EFGH-JKMN', username: 'kanri', displayName: '福祉政策課 管理者', password: 'ひまわり畑で会いましょう', confirmation: undefined as string | undefined, ...values };
  const form = await screen.findByRole('form', { name: '初期設定' });
  await user.type(within(form).getByLabelText(/^設定コード/), v.code);
  await user.type(within(form).getByLabelText(/^ユーザー名/), v.username);
  await user.type(within(form).getByLabelText(/^表示名/), v.displayName);
  await user.type(within(form).getByLabelText(/^パスワード必須/), v.password);
  await user.type(within(form).getByLabelText(/^パスワード（確認）/), v.confirmation ?? v.password);
  await user.click(within(form).getByRole('button', { name: '管理者を作成' }));
  return form;
}

const problem = (status: number, type: string, detail: string, errors?: { field: string; message: string }[]) =>
  jsonResponse({ type: `/problems/${type}`, title: 'エラー', status, detail, ...(errors ? { errors } : {}) }, status);

describe('初期設定', () => {
  it('creates the first administrator and goes to the login page, which says so', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderSetup();
    expect(await screen.findByRole('heading', { level: 1, name: '初期設定' })).toBeTruthy();
    expect(screen.getByText('API の起動時のログに表示されます')).toBeTruthy();

    await fill(user);

    expect(await screen.findByRole('heading', { level: 1, name: 'ログイン' })).toBeTruthy();
    expect(screen.getByText('初期設定が完了しました')).toBeTruthy();
    expect(screen.getByText(/管理者「kanri」を作成しました/)).toBeTruthy();
    // Done now: the login page no longer asks for 初期設定.
    expect(screen.queryByText('初期設定が必要です')).toBeNull();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ setupCode: 'ABCD-EFGH-JKMN', username: 'kanri', displayName: '福祉政策課 管理者', password: 'ひまわり畑で会いましょう' });
  });

  it('sends a visitor to the login page once an administrator exists', async () => {
    const { requests } = backend(undefined, false);
    renderSetup();
    expect(await screen.findByRole('heading', { level: 1, name: 'ログイン' })).toBeTruthy();
    expect(screen.queryByText('初期設定が必要です')).toBeNull();
    // The login page asks how one may sign in; let it finish before the test's API goes away.
    await waitFor(() => expect(requests.some((r) => new URL(r.url).pathname === '/api/v1/auth/options')).toBe(true));
  });

  it('checks that both passwords match before asking, and says what is missing', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderSetup();
    const form = await screen.findByRole('form', { name: '初期設定' });
    await user.click(within(form).getByRole('button', { name: '管理者を作成' }));
    expect(within(form).getByText('設定コードを入力してください')).toBeTruthy();
    expect(within(form).getByText('ユーザー名を入力してください')).toBeTruthy();

    await user.clear(within(form).getByLabelText(/^設定コード/));
    await fill(user, { confirmation: 'ひまわり畑で会いましょ' });
    const confirmation = within(form).getByLabelText(/^パスワード（確認）/);
    expect(confirmation.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('パスワード（確認）がパスワードと一致しません')).toBeTruthy();
    expect(document.activeElement?.textContent).toContain('入力内容を確認してください。');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('says a wrong setup code at the code, in an alert that takes the focus, and stays on the page', async () => {
    backend(() => problem(401, 'invalid-setup-code', '設定コードが違います。'));
    const user = userEvent.setup();
    renderSetup();
    const form = await fill(user);
    await waitFor(() => expect(within(form).getByLabelText(/^設定コード/).getAttribute('aria-invalid')).toBe('true'));
    const alert = within(form).getByRole('alert');
    expect(alert.textContent).toContain('設定コードが正しくありません。API の起動時のログに表示されたコードを確かめてください');
    expect(alert.parentElement).toBe(document.activeElement);
    expect(screen.getByRole('heading', { level: 1, name: '初期設定' })).toBeTruthy();
  });

  it('says how long to wait after too many wrong codes (429, Retry-After)', async () => {
    backend(
      () =>
        new Response(JSON.stringify({ type: '/problems/too-many-attempts', status: 429, detail: 'しばらくお待ちください' }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '30' },
        }),
    );
    const user = userEvent.setup();
    renderSetup();
    const form = await fill(user);
    expect((await within(form).findByRole('alert')).textContent).toContain('30秒ほど待ってから、もう一度お試しください');
  });

  it('says when setup was already done, with the way to the login page', async () => {
    backend(() => problem(409, 'setup-done', '初期設定は完了しています。'));
    const user = userEvent.setup();
    renderSetup();
    const form = await fill(user);
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('初期設定は済んでいます');
    expect(within(alert).getByRole('link', { name: 'ログイン画面へ' }).getAttribute('href')).toBe('/login');
  });

  it('shows a weak password and the field errors of a refused request at their fields', async () => {
    let calls = 0;
    backend(() =>
      ++calls === 1
        ? problem(422, 'weak-password', 'パスワードが弱すぎます。', [{ field: 'password', message: 'ユーザー名を含むパスワードは使えません' }])
        : problem(400, 'validation', '入力内容を確認してください。', [{ field: 'createFirstAdministrator.request.username', message: '英数字と - _ . で入力してください' }]),
    );
    const user = userEvent.setup();
    renderSetup();
    const form = await fill(user);
    const password = within(form).getByLabelText(/^パスワード必須/);
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('ユーザー名を含むパスワードは使えません')).toBeTruthy();

    await user.click(within(form).getByRole('button', { name: '管理者を作成' }));
    await waitFor(() => expect(within(form).getByLabelText(/^ユーザー名/).getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('英数字と - _ . で入力してください')).toBeTruthy();
  });
});
