import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { AdminAccountsRoute } from './admin-accounts';

type Account = components['schemas']['AccountResponse'];
type Role = components['schemas']['Role'];

const city = { code: '40203', name: '久留米市', kind: 'CITY' as const };
const districts = [
  { code: '40203-hiyoshi', name: '日吉', kana: 'ひよし', kind: 'SCHOOL_DISTRICT' as const, parentCode: '40203', path: [city], version: 0 },
  { code: '40203-takasu', name: '高須', kana: 'たかす', kind: 'SCHOOL_DISTRICT' as const, parentCode: '40203', path: [city], version: 0 },
];

function account(id: number, username: string, over: Partial<Account> = {}): Account {
  return {
    id,
    username,
    displayName: `${username} さん`,
    roles: ['VIEWER'],
    districts: [],
    active: true,
    external: false,
    mustChangePassword: false,
    lastSignInAt: null,
    createdAt: '2026-04-01T09:00:00+09:00',
    version: 0,
    ...over,
  };
}

const problem = (status: number, type: string, detail: string, errors?: { field: string; message: string }[]) =>
  jsonResponse({ type: `/problems/${type}`, title: 'エラー', status, detail, ...(errors ? { errors } : {}) }, status);

/**
 * The accounts API as it behaves: username order, q and role filters, pages of `pageSize` by cursor, versions that
 * move on each change; `refuse` answers a write in its place.
 */
function backend({
  roles = ['ADMIN'] as Role[],
  pageSize = 100,
  refuse,
}: { roles?: Role[]; pageSize?: number; refuse?: (method: string, path: string, body: Record<string, unknown>) => Response | undefined } = {}) {
  let accounts: Account[] = [
    account(1, 'kanri', { displayName: '福祉政策課 管理者', roles: ['ADMIN'], lastSignInAt: '2026-11-22T10:15:00+09:00' }),
    account(2, 'takasu-soudan', {
      displayName: '高須 相談員',
      roles: ['COORDINATOR'],
      districts: [{ code: '40203-takasu', name: '高須', kind: 'SCHOOL_DISTRICT' }],
      mustChangePassword: true,
    }),
    account(3, 'yamada@city', { displayName: '山田 花子', roles: ['PLANNER', 'APPROVER'], external: true, active: false }),
  ];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname;
    const body = request.method === 'GET' ? {} : await request.clone().json();
    const refused = refuse?.(request.method, path, body);
    if (refused) return refused;
    if (path === '/api/v1/me') return jsonResponse({ subject: 'kanri', displayName: '管理者', kind: 'USER', roles, scopes: [], districts: [], mustChangePassword: false, external: false });
    if (path === '/api/v1/areas') return jsonResponse({ items: districts, nextCursor: null });
    if (path === '/api/v1/accounts' && request.method === 'GET') {
      const q = url.searchParams.get('q') ?? '';
      const role = url.searchParams.get('role');
      const after = url.searchParams.get('cursor');
      const all = accounts
        .filter((a) => !q || a.username.includes(q) || a.displayName.includes(q))
        .filter((a) => !role || a.roles.includes(role as Role))
        .sort((a, b) => a.username.localeCompare(b.username))
        .filter((a) => !after || a.username > after);
      const items = all.slice(0, pageSize);
      return jsonResponse({ items, nextCursor: all.length > pageSize ? items[items.length - 1].username : null });
    }
    if (path === '/api/v1/accounts' && request.method === 'POST') {
      const created = account(accounts.length + 1, body.username as string, {
        displayName: body.displayName as string,
        roles: body.roles as Role[],
        districts: districts.filter((d) => (body.districtCodes as string[]).includes(d.code)).map(({ code, name, kind }) => ({ code, name, kind })),
        mustChangePassword: true,
      });
      accounts = [...accounts, created];
      return jsonResponse(created, 201);
    }
    const one = path.match(/^\/api\/v1\/accounts\/(\d+)(\/password-reset)?$/);
    if (one) {
      const id = Number(one[1]);
      const current = accounts.find((a) => a.id === id)!;
      let saved = current;
      if (one[2]) saved = { ...current, mustChangePassword: true, version: current.version + 1 };
      else if (request.method === 'PUT') {
        saved = {
          ...current,
          displayName: body.displayName as string,
          roles: body.roles as Role[],
          active: body.active as boolean,
          districts: districts.filter((d) => (body.districtCodes as string[]).includes(d.code)).map(({ code, name, kind }) => ({ code, name, kind })),
          version: current.version + 1,
        };
      }
      accounts = accounts.map((a) => (a.id === id ? saved : a));
      return jsonResponse(saved);
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

const table = () => screen.getByRole('table', { name: '職員アカウント' });
const rowOf = (username: string) => within(table()).getByRole('rowheader', { name: new RegExp(`^${username}`) }).closest('tr')!;
const cells = (username: string) => [...rowOf(username).querySelectorAll('th, td')].map((c) => c.textContent);

async function openCreate(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: '新しいアカウント' }));
  const form = screen.getByRole('form', { name: '新しいアカウント' });
  await within(form).findByRole('group', { name: /担当地区/ });
  return form;
}

async function fillNew(user: ReturnType<typeof userEvent.setup>, form: HTMLElement, username = 'hiyoshi-soudan') {
  await user.type(within(form).getByLabelText(/^ユーザー名/), username);
  await user.type(within(form).getByLabelText(/^表示名/), '日吉 相談員');
  await user.click(within(form).getByRole('checkbox', { name: '地域支援コーディネーター' }));
  await user.click(within(form).getByRole('checkbox', { name: /^日吉/ }));
  await user.type(within(form).getByLabelText(/^初期パスワード/), 'karino-pasuwaado-2026');
  await user.click(within(form).getByRole('button', { name: '作成する' }));
}

describe('職員アカウント', () => {
  it('lists the accounts with their roles in Japanese, districts, state, last sign-in and the city-provider mark', async () => {
    backend();
    renderWithProviders(<AdminAccountsRoute />);
    expect(await screen.findByRole('heading', { level: 1, name: '職員アカウント' })).toBeTruthy();
    await screen.findByRole('table', { name: '職員アカウント' });
    expect(cells('kanri').slice(0, 6)).toEqual(['kanri', '福祉政策課 管理者', '管理者', '—', '有効', '2026年11月22日']);
    expect(cells('takasu-soudan').slice(0, 6)).toEqual(['takasu-soudan', '高須 相談員', '地域支援コーディネーター', '高須', '有効パスワード変更待ち', 'まだありません']);
    expect(cells('yamada@city').slice(0, 5)).toEqual(['yamada@city 市の認証基盤', '山田 花子', '計画担当、承認者', '—', '無効']);
    // No password to reset at the city's provider.
    expect(within(rowOf('yamada@city')).queryByRole('button', { name: /パスワード再設定/ })).toBeNull();
    expect(within(rowOf('kanri')).getByRole('button', { name: 'kanriのパスワード再設定' })).toBeTruthy();
  });

  it('searches by name and filters by role', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderWithProviders(<AdminAccountsRoute />);
    await screen.findByRole('table', { name: '職員アカウント' });
    await user.type(screen.getByLabelText(/^名前で検索/), '高須');
    await user.selectOptions(screen.getByLabelText(/^ロール/), '地域支援コーディネーター');
    await user.click(screen.getByRole('button', { name: '検索' }));
    await waitFor(() => expect(within(table()).queryByRole('rowheader', { name: 'kanri' })).toBeNull());
    expect(rowOf('takasu-soudan')).toBeTruthy();
    const last = new URL(requests.filter((r) => new URL(r.url).pathname === '/api/v1/accounts').at(-1)!.url);
    expect(last.searchParams.get('q')).toBe('高須');
    expect(last.searchParams.get('role')).toBe('COORDINATOR');
  });

  it('shows more accounts with さらに表示', async () => {
    backend({ pageSize: 2 });
    const user = userEvent.setup();
    renderWithProviders(<AdminAccountsRoute />);
    await screen.findByRole('table', { name: '職員アカウント' });
    expect(within(table()).getAllByRole('rowheader')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'さらに表示' }));
    await waitFor(() => expect(within(table()).getAllByRole('rowheader')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'さらに表示' })).toBeNull();
  });

  it('creates a coordinator for a school district read from the API, who must change the password at first sign-in', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderWithProviders(<AdminAccountsRoute />);
    const form = await openCreate(user);
    expect(within(form).getAllByRole('checkbox').map((c) => c.closest('label')!.textContent)).toEqual([
      '管理者',
      '計画担当',
      '承認者',
      '地域支援コーディネーター',
      '閲覧者',
      '日吉（ひよし）— 久留米市 40203-hiyoshi',
      '高須（たかす）— 久留米市 40203-takasu',
    ]);
    await fillNew(user, form);

    expect(await screen.findByText(/「hiyoshi-soudan」を作成しました。初期パスワードを本人に伝えてください/)).toBeTruthy();
    await waitFor(() => expect(cells('hiyoshi-soudan')[3]).toBe('日吉'));
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({
      username: 'hiyoshi-soudan',
      displayName: '日吉 相談員',
      roles: ['COORDINATOR'],
      districtCodes: ['40203-hiyoshi'],
      password: 'karino-pasuwaado-2026',
    });
  });

  it('says what is missing before asking', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderWithProviders(<AdminAccountsRoute />);
    const form = await openCreate(user);
    await user.click(within(form).getByRole('button', { name: '作成する' }));
    expect(within(form).getByText('ユーザー名を入力してください')).toBeTruthy();
    expect(within(form).getByText('ロールを 1 つ以上選んでください')).toBeTruthy();
    expect(within(form).getByText('初期パスワードを入力してください')).toBeTruthy();
    expect(document.activeElement?.textContent).toContain('入力内容を確認してください。');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows a taken user name, a weak password and an unknown district at their fields', async () => {
    let calls = 0;
    backend({
      refuse: (method) => {
        if (method !== 'POST') return undefined;
        calls++;
        if (calls === 1) return problem(409, 'username-taken', 'ユーザー名「hiyoshi-soudan」はすでに使われています。');
        if (calls === 2) return problem(422, 'weak-password', 'パスワードが弱すぎます。', [{ field: 'password', message: 'ユーザー名を含むパスワードは使えません' }]);
        return problem(422, 'area-not-found', '地域が見つかりません。', [{ field: 'districtCodes[0]', message: '地域 40203-hiyoshi は見つかりません' }]);
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AdminAccountsRoute />);
    const form = await openCreate(user);
    await fillNew(user, form);
    const username = within(form).getByLabelText(/^ユーザー名/);
    await waitFor(() => expect(username.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getAllByText('ユーザー名「hiyoshi-soudan」はすでに使われています。').length).toBeGreaterThan(0);

    await user.click(within(form).getByRole('button', { name: '作成する' }));
    const password = within(form).getByLabelText(/^初期パスワード/);
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('ユーザー名を含むパスワードは使えません')).toBeTruthy();

    await user.click(within(form).getByRole('button', { name: '作成する' }));
    const group = within(form).getByRole('group', { name: /担当地区/ });
    await waitFor(() => expect(within(group).getByText('地域 40203-hiyoshi は見つかりません')).toBeTruthy());
    expect(within(form).getByRole('alert').textContent).toContain('地域が見つかりません。');
  });

  it('changes roles, districts and disables an account, sending the version it read', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderWithProviders(<AdminAccountsRoute />);
    await user.click(await screen.findByRole('button', { name: 'takasu-soudanを変更' }));
    const form = await screen.findByRole('form', { name: '「takasu-soudan」を変更' });
    expect((within(form).getByLabelText(/^ユーザー名/) as HTMLInputElement).readOnly).toBe(true);
    expect((within(form).getByRole('checkbox', { name: /^高須/ }) as HTMLInputElement).checked).toBe(true);
    await user.click(await within(form).findByRole('checkbox', { name: /^日吉/ }));
    await user.click(within(form).getByRole('checkbox', { name: '閲覧者' }));
    await user.click(within(form).getByRole('radio', { name: /^無効/ }));
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    expect(await screen.findByText('「takasu-soudan」を保存しました。')).toBeTruthy();
    await waitFor(() => expect(cells('takasu-soudan')[4]).toBe('無効'));
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/v1/accounts/2');
    expect(await put.json()).toEqual({
      displayName: '高須 相談員',
      roles: ['COORDINATOR', 'VIEWER'],
      districtCodes: ['40203-takasu', '40203-hiyoshi'],
      active: false,
      version: 0,
    });
  });

  it('offers to read an account again when someone changed it meanwhile', async () => {
    let stale = true;
    const { requests } = backend({
      refuse: (method) => {
        if (method === 'PUT' && stale) {
          stale = false;
          return problem(409, 'stale-version', 'ほかの人が先に変更しました。');
        }
        return undefined;
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<AdminAccountsRoute />);
    await user.click(await screen.findByRole('button', { name: 'kanriを変更' }));
    let form = await screen.findByRole('form', { name: '「kanri」を変更' });
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('他の人が先に更新しました。再読み込みしてください');
    await user.click(within(alert).getByRole('button', { name: '再読み込み' }));
    await waitFor(() => expect(within(screen.getByRole('form', { name: '「kanri」を変更' })).queryByRole('alert')).toBeNull());
    form = screen.getByRole('form', { name: '「kanri」を変更' });
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    expect(await screen.findByText('「kanri」を保存しました。')).toBeTruthy();
    expect(requests.filter((r) => new URL(r.url).pathname === '/api/v1/accounts/1' && r.method === 'GET').length).toBeGreaterThanOrEqual(2);
  });

  it('says why the last administrator cannot lose the role', async () => {
    backend({ refuse: (method) => (method === 'PUT' ? problem(409, 'last-administrator', '最後の管理者は無効にできません。') : undefined) });
    const user = userEvent.setup();
    renderWithProviders(<AdminAccountsRoute />);
    await user.click(await screen.findByRole('button', { name: 'kanriを変更' }));
    const form = await screen.findByRole('form', { name: '「kanri」を変更' });
    await user.click(within(form).getByRole('radio', { name: /^無効/ }));
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('最後の管理者です');
    expect(alert.textContent).toContain('最後の管理者は無効にできません。');
    expect(alert.textContent).not.toContain('再読み込み');
  });

  it('resets a password, which the person must then change', async () => {
    const { requests } = backend({
      refuse: (method, _path, body) =>
        method === 'POST' && body.password === 'aaaaaaaaaaaa'
          ? problem(422, 'weak-password', 'パスワードが弱すぎます。', [{ field: 'password', message: '5 種類以上の文字を使ってください' }])
          : undefined,
    });
    const user = userEvent.setup();
    renderWithProviders(<AdminAccountsRoute />);
    await user.click(await screen.findByRole('button', { name: 'kanriのパスワード再設定' }));
    const form = screen.getByRole('form', { name: '「kanri」のパスワードを再設定' });
    const password = within(form).getByLabelText(/^仮のパスワード/);
    await user.type(password, 'aaaaaaaaaaaa');
    await user.click(within(form).getByRole('button', { name: '再設定する' }));
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('5 種類以上の文字を使ってください')).toBeTruthy();

    await user.clear(password);
    await user.type(password, 'karino-pasuwaado-2026');
    await user.click(within(form).getByRole('button', { name: '再設定する' }));
    expect(await screen.findByText(/「kanri」のパスワードを再設定しました。/)).toBeTruthy();
    await waitFor(() => expect(cells('kanri')[4]).toBe('有効パスワード変更待ち'));
    const reset = requests.filter((r) => r.method === 'POST').at(-1)!;
    expect(new URL(reset.url).pathname).toBe('/api/v1/accounts/1/password-reset');
    expect(await reset.json()).toEqual({ password: 'karino-pasuwaado-2026' });
  });

  it('keeps other roles out', async () => {
    backend({ roles: ['PLANNER'] });
    renderWithProviders(<AdminAccountsRoute />);
    expect(await screen.findByRole('heading', { name: 'このページを表示する権限がありません' })).toBeTruthy();
  });
});
