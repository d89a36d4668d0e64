import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/lib/api/schema';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { AdminTokensRoute } from './admin-tokens';

type ApiToken = components['schemas']['ApiTokenResponse'];
type Role = components['schemas']['Role'];

/** The API stores the moment a token stops: the start of the day after its last day, Japan time. */
const endOf = (day: string) => {
  const next = new Date(`${day}T00:00:00+09:00`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().replace('.000Z', 'Z');
};

const SECRET = 'tsu_3q2XkPq8vJ0dZ7mN4rT1yW6uB5cA9eF2gH0iK3lM';
const NEW_SECRET = 'tsu_9Zx8Wv7Ut6Sr5Qp4On3Ml2Kj1Ih0Gf9Ed8Cb7Aa6';

function token(id: number, name: string, over: Partial<ApiToken> = {}): ApiToken {
  return {
    id,
    name,
    scopes: ['kpi:read'],
    createdBy: 'kanri',
    createdAt: '2026-04-01T09:00:00+09:00',
    lastUsedAt: null,
    revokedAt: null,
    expiresAt: endOf('2027-03-31'),
    rotatedAt: null,
    previousValidUntil: null,
    ...over,
  };
}

const problem = (status: number, type: string, detail: string, errors?: { field: string; message: string }[]) =>
  jsonResponse({ type: `/problems/${type}`, title: 'エラー', status, detail, ...(errors ? { errors } : {}) }, status);

/** The tokens API as it behaves; `refuse` answers a call in its place. */
function backend({ roles = ['ADMIN'] as Role[], refuse }: { roles?: Role[]; refuse?: (method: string, path: string) => Response | undefined } = {}) {
  let tokens: ApiToken[] = [
    token(1, 'オープンデータ連携', { scopes: ['kpi:read', 'directory:read'], lastUsedAt: '2026-11-21T12:34:00+09:00' }),
    token(2, '指標の自動送信', { scopes: ['indicator-values:write'], expiresAt: endOf('2026-12-01') }),
    token(3, '旧システム', { expiresAt: endOf('2026-11-01') }),
    token(4, '試験用', { revokedAt: '2026-10-01T12:00:00+09:00' }),
  ];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const refused = refuse?.(request.method, path);
    if (refused) return refused;
    if (path === '/api/v1/me') return jsonResponse({ subject: 'kanri', displayName: '管理者', kind: 'USER', roles, scopes: [], districts: [], mustChangePassword: false });
    if (path === '/api/v1/api-tokens' && request.method === 'GET') return jsonResponse({ items: tokens });
    if (path === '/api/v1/api-tokens' && request.method === 'POST') {
      const body = await request.clone().json();
      const created = token(tokens.length + 1, body.name, { scopes: body.scopes, createdAt: new Date().toISOString(), expiresAt: endOf(body.expiresOn) });
      tokens = [...tokens, created];
      const { id, name, scopes, createdAt, expiresAt } = created;
      return jsonResponse({ id, name, scopes, createdAt, expiresAt, token: SECRET }, 201);
    }
    const renew = path.match(/^\/api\/v1\/api-tokens\/(\d+)\/renew$/);
    if (renew) {
      const body = await request.clone().json();
      tokens = tokens.map((t) => (t.id === Number(renew[1]) ? { ...t, expiresAt: endOf(body.expiresOn) } : t));
      return jsonResponse(tokens.find((t) => t.id === Number(renew[1])));
    }
    const rotate = path.match(/^\/api\/v1\/api-tokens\/(\d+)\/rotations$/);
    if (rotate && request.method === 'POST') {
      const body = await request.clone().json();
      const now = new Date();
      const until = body.graceHours > 0 ? new Date(now.getTime() + body.graceHours * 3600_000).toISOString() : null;
      tokens = tokens.map((t) => (t.id === Number(rotate[1]) ? { ...t, rotatedAt: now.toISOString(), previousValidUntil: until } : t));
      const { id, name, scopes, createdAt, expiresAt } = tokens.find((t) => t.id === Number(rotate[1]))!;
      return jsonResponse({ id, name, scopes, createdAt, expiresAt, token: NEW_SECRET }, 201);
    }
    const one = path.match(/^\/api\/v1\/api-tokens\/(\d+)$/);
    if (one && request.method === 'DELETE') {
      tokens = tokens.map((t) => (t.id === Number(one[1]) ? { ...t, revokedAt: new Date().toISOString() } : t));
      return new Response(null, { status: 204 });
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

const table = () => screen.getByRole('table', { name: 'API トークン' });
const rowOf = (name: string) => within(table()).getByRole('rowheader', { name }).closest('tr')!;
const cells = (name: string) => [...rowOf(name).querySelectorAll('th, td')].map((c) => c.textContent);

describe('API トークン', () => {
  beforeEach(() => {
    // Only the clock: timers stay real for the user events and the requests.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-22T10:00:00+09:00'));
  });
  afterEach(() => vi.useRealTimers());

  it('lists the tokens: what each may do in Japanese, until when (flagged when near or past), last use and state', async () => {
    backend();
    renderWithProviders(<AdminTokensRoute />);
    expect(await screen.findByRole('heading', { level: 1, name: 'API トークン' })).toBeTruthy();
    await screen.findByRole('table', { name: 'API トークン' });
    const [name, scopes, expiry, lastUsed, state, issued] = cells('オープンデータ連携');
    expect([name, scopes, expiry, state, issued]).toEqual([
      'オープンデータ連携',
      '計画・指標・地区の統計を読む kpi:read相談先一覧と地域を読む directory:read',
      '2027年3月31日まで',
      '有効',
      '2026年4月1日kanri',
    ]);
    // In the browser's time zone (the tests' may not be Japan's).
    expect(lastUsed).toMatch(/^2026年11月21日 \d{2}:34$/);
    expect(cells('指標の自動送信').slice(1, 5)).toEqual(['指標の実績値を書き込む indicator-values:write', '2026年12月1日まであと 10 日', 'まだ使われていません', '有効（期限が近い）']);
    expect(rowOf('指標の自動送信').querySelector('.expiry--soon')).not.toBeNull();
    expect(cells('旧システム').slice(2, 5)).toEqual(['2026年11月1日まで期限切れ', 'まだ使われていません', '期限切れ']);
    expect(rowOf('旧システム').querySelector('.expiry--expired')).not.toBeNull();
    expect(rowOf('オープンデータ連携').querySelector('.expiry--soon, .expiry--expired')).toBeNull();
    // A revoked token can be neither renewed nor revoked again.
    expect(cells('試験用')[4]).toBe('失効2026年10月1日');
    expect(within(rowOf('試験用')).queryByRole('button')).toBeNull();
    expect(within(rowOf('旧システム')).getByRole('button', { name: '期限を延ばす（旧システム）' })).toBeTruthy();
    // A secret is rotated only while the token works: not once it has expired (nor been revoked).
    expect(within(rowOf('オープンデータ連携')).getByRole('button', { name: '秘密を切り替える（オープンデータ連携）' })).toBeTruthy();
    expect(within(rowOf('指標の自動送信')).getByRole('button', { name: '秘密を切り替える（指標の自動送信）' })).toBeTruthy();
    expect(within(rowOf('旧システム')).queryByRole('button', { name: /秘密を切り替える/ })).toBeNull();
    // 最後の切り替え: never, for all of these.
    expect(cells('オープンデータ連携')[6]).toBe('切り替えていません');
  });

  it('issues a token and shows its secret once, with a copy button and a warning', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderWithProviders(<AdminTokensRoute />);
    await user.click(await screen.findByRole('button', { name: 'API トークンを発行' }));
    const form = screen.getByRole('form', { name: 'API トークンを発行' });
    // A year from today unless changed.
    expect((within(form).getByLabelText(/^有効期限/) as HTMLInputElement).value).toBe('2027-11-22');
    await user.type(within(form).getByLabelText(/^名前/), '統計の公開');
    await user.click(within(form).getByRole('checkbox', { name: /^相談先一覧と地域を読む/ }));
    await user.click(within(form).getByRole('checkbox', { name: /^計画・指標・地区の統計を読む/ }));
    await user.click(within(form).getByRole('button', { name: '発行する' }));

    const shown = await screen.findByRole('region', { name: '「統計の公開」を発行しました' });
    expect(within(shown).getByText('このトークンはいまだけ表示します。')).toBeTruthy();
    const secret = within(shown).getByLabelText(/^トークン（2027年11月22日まで有効）/) as HTMLInputElement;
    expect(secret.value).toBe(SECRET);
    expect(secret.readOnly).toBe(true);
    await user.click(within(shown).getByRole('button', { name: 'コピー' }));
    expect(await within(shown).findByText('コピーしました。')).toBeTruthy();
    expect(await navigator.clipboard.readText()).toBe(SECRET);

    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ name: '統計の公開', scopes: ['kpi:read', 'directory:read'], expiresOn: '2027-11-22' });
    await waitFor(() => expect(cells('統計の公開')[2]).toBe('2027年11月22日まで'));

    // Once closed, the secret is nowhere on the page: not in the list, not anywhere else.
    await user.click(within(shown).getByRole('button', { name: '控えたので閉じる' }));
    expect(screen.queryByRole('region', { name: /を発行しました/ })).toBeNull();
    expect(document.body.innerHTML).not.toContain(SECRET);
    expect(screen.getByRole('button', { name: 'API トークンを発行' })).toBeTruthy();
  });

  it('says what is missing before asking, and shows what the API refused at its field', async () => {
    const { requests } = backend({
      refuse: (method) =>
        method === 'POST'
          ? problem(422, 'validation', '入力内容を確認してください。', [{ field: 'create.request.expiresOn', message: '有効期限は明日から 3 年以内の日にしてください' }])
          : undefined,
    });
    const user = userEvent.setup();
    renderWithProviders(<AdminTokensRoute />);
    await user.click(await screen.findByRole('button', { name: 'API トークンを発行' }));
    const form = screen.getByRole('form', { name: 'API トークンを発行' });
    await user.click(within(form).getByRole('button', { name: '発行する' }));
    expect(within(form).getByText('名前を入力してください')).toBeTruthy();
    expect(within(form).getByText('できることを 1 つ以上選んでください')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.type(within(form).getByLabelText(/^名前/), '遠い先');
    await user.click(within(form).getByRole('checkbox', { name: /^指標の実績値を書き込む/ }));
    const expiry = within(form).getByLabelText(/^有効期限/);
    await user.clear(expiry);
    await user.type(expiry, '2035-01-01');
    await user.click(within(form).getByRole('button', { name: '発行する' }));
    await waitFor(() => expect(expiry.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('有効期限は明日から 3 年以内の日にしてください')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toContain('入力内容を確認してください。');
    expect(screen.queryByRole('region', { name: /を発行しました/ })).toBeNull();
  });

  it('renews a token: a year from today unless changed, and the list shows the new expiry', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderWithProviders(<AdminTokensRoute />);
    await user.click(await screen.findByRole('button', { name: '期限を延ばす（指標の自動送信）' }));
    const form = screen.getByRole('form', { name: '「指標の自動送信」の期限を延ばす' });
    expect(within(form).getByText(/いまの有効期限は 2026年12月1日 までです/)).toBeTruthy();
    const date = within(form).getByLabelText(/^新しい有効期限/) as HTMLInputElement;
    expect(date.value).toBe('2027-11-22');
    await user.clear(date);
    await user.type(date, '2028-03-31');
    await user.click(within(form).getByRole('button', { name: '期限を延ばす' }));

    expect(await screen.findByText('「指標の自動送信」の有効期限を 2028年3月31日 まで延ばしました。')).toBeTruthy();
    await waitFor(() => expect(cells('指標の自動送信')[2]).toBe('2028年3月31日まで'));
    expect(rowOf('指標の自動送信').querySelector('.expiry--soon')).toBeNull();
    const renew = requests.find((r) => r.method === 'POST')!;
    expect(new URL(renew.url).pathname).toBe('/api/v1/api-tokens/2/renew');
    expect(await renew.json()).toEqual({ expiresOn: '2028-03-31' });
  });

  it('revokes a token after asking, and not before', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderWithProviders(<AdminTokensRoute />);
    await user.click(await screen.findByRole('button', { name: '失効させる（オープンデータ連携）' }));
    let confirm = screen.getByRole('region', { name: '「オープンデータ連携」を失効させますか？' });
    await user.click(within(confirm).getByRole('button', { name: 'やめる' }));
    expect(screen.queryByRole('region', { name: /を失効させますか/ })).toBeNull();
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: '失効させる（オープンデータ連携）' }));
    confirm = screen.getByRole('region', { name: '「オープンデータ連携」を失効させますか？' });
    await user.click(within(confirm).getByRole('button', { name: '失効させる' }));
    expect(await screen.findByText(/「オープンデータ連携」を失効させました。/)).toBeTruthy();
    await waitFor(() => expect(cells('オープンデータ連携')[4]).toBe('失効2026年11月22日'));
    expect(within(rowOf('オープンデータ連携')).queryByRole('button')).toBeNull();
    const del = requests.filter((r) => r.method === 'DELETE');
    expect(del.map((r) => new URL(r.url).pathname)).toEqual(['/api/v1/api-tokens/1']);
  });

  it('shows why the API refused to renew or revoke', async () => {
    backend({
      refuse: (method, path) =>
        path.endsWith('/renew')
          ? problem(409, 'api-token-revoked', '失効させた API トークンは更新できません。新しく発行してください。')
          : method === 'DELETE'
            ? problem(404, 'api-token-not-found', 'API トークン 3 はありません。')
            : undefined,
    });
    const user = userEvent.setup();
    renderWithProviders(<AdminTokensRoute />);
    await user.click(await screen.findByRole('button', { name: '期限を延ばす（旧システム）' }));
    const form = screen.getByRole('form', { name: '「旧システム」の期限を延ばす' });
    await user.click(within(form).getByRole('button', { name: '期限を延ばす' }));
    expect((await within(form).findByRole('alert')).textContent).toContain('失効させた API トークンは更新できません。新しく発行してください。');

    await user.click(within(form).getByRole('button', { name: 'キャンセル' }));
    await user.click(screen.getByRole('button', { name: '失効させる（旧システム）' }));
    const confirm = screen.getByRole('region', { name: '「旧システム」を失効させますか？' });
    await user.click(within(confirm).getByRole('button', { name: '失効させる' }));
    expect((await within(confirm).findByRole('alert')).textContent).toContain('API トークン 3 はありません。');
  });

  it('rotates a secret with the grace chosen, shows the new secret once, and the list says until when the old one works', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderWithProviders(<AdminTokensRoute />);
    await user.click(await screen.findByRole('button', { name: '秘密を切り替える（オープンデータ連携）' }));
    const form = screen.getByRole('form', { name: '「オープンデータ連携」の秘密を切り替える' });
    const group = within(form).getByRole('group', { name: '古い秘密を使える期間' });
    expect(within(group).getAllByRole('radio').map((r) => r.closest('label')!.textContent)).toEqual(['すぐ無効', '1日', '7日（既定）', '30日']);
    // A week unless changed, as the API would do.
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: '7日（既定）' }).checked).toBe(true);
    const oneDay = within(group).getByRole<HTMLInputElement>('radio', { name: '1日' });
    await user.click(oneDay);
    expect(oneDay.checked).toBe(true);
    await user.click(within(form).getByRole('button', { name: '秘密を切り替える' }));

    const shown = await screen.findByRole('region', { name: '「オープンデータ連携」の秘密を切り替えました' });
    expect(within(shown).getByText('このトークンはいまだけ表示します。')).toBeTruthy();
    expect(within(shown).getByText(/古い秘密は、これから1日のあいだ使えます/)).toBeTruthy();
    const secret = within(shown).getByLabelText(/^トークン（2027年3月31日まで有効）/) as HTMLInputElement;
    expect(secret.value).toBe(NEW_SECRET);
    expect(secret.readOnly).toBe(true);

    const post = requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe('/api/v1/api-tokens/1/rotations');
    expect(await post.json()).toEqual({ graceHours: 24 });
    // Rotated at 10:00 (Japan time); the old secret works 24 hours more. Last use stays shown.
    await waitFor(() => expect(cells('オープンデータ連携')[6]).toBe('2026年11月22日 10:00古い秘密は11月23日10時まで使えます'));
    expect(cells('オープンデータ連携')[3]).toMatch(/^2026年11月21日 \d{2}:34$/);

    // Once closed, the new secret is nowhere on the page.
    await user.click(within(shown).getByRole('button', { name: '控えたので閉じる' }));
    expect(screen.queryByRole('region', { name: /秘密を切り替えました/ })).toBeNull();
    expect(document.body.innerHTML).not.toContain(NEW_SECRET);
  });

  it('rotates at once when asked, leaving no grace in the list', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderWithProviders(<AdminTokensRoute />);
    await user.click(await screen.findByRole('button', { name: '秘密を切り替える（指標の自動送信）' }));
    const form = screen.getByRole('form', { name: '「指標の自動送信」の秘密を切り替える' });
    await user.click(within(form).getByRole('radio', { name: 'すぐ無効' }));
    await user.click(within(form).getByRole('button', { name: '秘密を切り替える' }));
    const shown = await screen.findByRole('region', { name: '「指標の自動送信」の秘密を切り替えました' });
    expect(within(shown).getByText(/古い秘密はもう使えません。/)).toBeTruthy();
    expect(await requests.find((r) => r.method === 'POST')!.json()).toEqual({ graceHours: 0 });
    await waitFor(() => expect(cells('指標の自動送信')[6]).toBe('2026年11月22日 10:00'));
  });

  it('shows a token rotated before with the grace left, and none once it has passed', async () => {
    backend({
      refuse: (method, path) =>
        path === '/api/v1/api-tokens' && method === 'GET'
          ? jsonResponse({
              items: [
                token(1, 'オープンデータ連携', { rotatedAt: '2026-11-20T05:30:00Z', previousValidUntil: '2026-11-27T05:30:00Z' }),
                // The API clears previousValidUntil once it has passed; one just past is not shown either.
                token(2, '指標の自動送信', { rotatedAt: '2026-11-01T00:00:00Z', previousValidUntil: '2026-11-22T00:59:00Z' }),
              ],
            })
          : undefined,
    });
    renderWithProviders(<AdminTokensRoute />);
    await screen.findByRole('table', { name: 'API トークン' });
    expect(cells('オープンデータ連携')[6]).toBe('2026年11月20日 14:30古い秘密は11月27日14時30分まで使えます');
    expect(cells('指標の自動送信')[6]).toBe('2026年11月1日 09:00');
  });

  it('shows why the API refused to rotate: a 409 in its words, a 400 at the grace', async () => {
    let answer = problem(409, 'api-token-revoked', '失効させた API トークンの秘密は切り替えられません。');
    const { requests } = backend({ refuse: (_method, path) => (path.endsWith('/rotations') ? answer.clone() : undefined) });
    const user = userEvent.setup();
    renderWithProviders(<AdminTokensRoute />);
    await user.click(await screen.findByRole('button', { name: '秘密を切り替える（オープンデータ連携）' }));
    const form = screen.getByRole('form', { name: '「オープンデータ連携」の秘密を切り替える' });
    await user.click(within(form).getByRole('button', { name: '秘密を切り替える' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('切り替えられませんでした');
    expect(alert.textContent).toContain('失効させた API トークンの秘密は切り替えられません。');
    expect(screen.queryByRole('region', { name: /秘密を切り替えました/ })).toBeNull();

    answer = problem(400, 'validation', '入力内容を確認してください。', [{ field: 'rotate.request.graceHours', message: '猶予は 0〜720 時間にしてください' }]);
    await user.click(within(form).getByRole('button', { name: '秘密を切り替える' }));
    const group = within(form).getByRole('group', { name: '古い秘密を使える期間' });
    expect(await within(group).findByText('猶予は 0〜720 時間にしてください')).toBeTruthy();
    expect(group.getAttribute('aria-describedby')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(2);
  });

  it('keeps other roles out', async () => {
    const { requests } = backend({ roles: ['PLANNER'] });
    renderWithProviders(<AdminTokensRoute />);
    expect(await screen.findByRole('heading', { name: 'このページを表示する権限がありません' })).toBeTruthy();
    expect(requests.some((r) => new URL(r.url).pathname === '/api/v1/api-tokens')).toBe(false);
  });
});
