import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { AdminCategoriesRoute } from './admin-categories';

type Category = { id: number; code: string; name: string; requiresVehicle: boolean; reportHeading: string | null };

function me(roles: string[]) {
  return { subject: 'u', displayName: 'u', kind: 'USER', roles, scopes: [], districts: [] };
}

/** GET lists the active categories; PUT creates or changes one (active=false retires it), as the API does. */
function backend(roles: string[] = ['ADMIN'], refuse?: (code: string, body: { name: string }) => Response | undefined) {
  let categories: (Category & { active: boolean })[] = [
    { id: 1, code: 'GARBAGE', name: 'ゴミ出し', requiresVehicle: false, reportHeading: null, active: true },
    { id: 2, code: 'TRANSPORT', name: '送迎・移動支援', requiresVehicle: true, reportHeading: null, active: true },
    { id: 3, code: 'SHOPPING_ESCORT', name: '買い物同行', requiresVehicle: false, reportHeading: '同行（買物・通院等）', active: true },
  ];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(me(roles));
    if (url.pathname === '/api/v1/support-categories') {
      return jsonResponse(categories.filter((c) => c.active).map(({ active: _active, ...c }) => c));
    }
    const put = url.pathname.match(/^\/api\/v1\/support-categories\/(.+)$/);
    if (put && request.method === 'PUT') {
      const code = decodeURIComponent(put[1]);
      const body = await request.json();
      const refused = refuse?.(code, body);
      if (refused) return refused;
      const existing = categories.find((c) => c.code === code);
      // As the API: a blank heading, or the name itself, is no heading (the name is printed).
      const heading = body.reportHeading?.trim() || null;
      const saved = {
        id: existing?.id ?? categories.length + 1, code, name: body.name, requiresVehicle: body.requiresVehicle,
        reportHeading: heading === body.name ? null : heading, active: body.active ?? true,
      };
      categories = existing ? categories.map((c) => (c.code === code ? saved : c)) : [...categories, saved];
      return jsonResponse({ id: saved.id, code, name: saved.name, requiresVehicle: saved.requiresVehicle, reportHeading: saved.reportHeading });
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

const table = () => screen.getByRole('table', { name: '使っている困りごとの種類' });
const rowOf = (name: string) => within(table()).getByRole('rowheader', { name }).closest('tr')!;

afterEach(() => vi.restoreAllMocks());

describe('困りごとの種類', () => {
  it('lists the categories in use with whether they need a car, and says retired ones are not listed', async () => {
    backend();
    renderWithProviders(<AdminCategoriesRoute />);
    await screen.findByRole('heading', { level: 1, name: '困りごとの種類' });
    await screen.findByRole('table', { name: '使っている困りごとの種類' });
    expect(rowOf('送迎・移動支援').textContent).toContain('TRANSPORT');
    expect(rowOf('送迎・移動支援').textContent).toContain('必要');
    expect(rowOf('ゴミ出し').textContent).not.toContain('必要');
    expect(screen.getByText(/使っている種類だけ/)).toBeTruthy();
  });

  it('adds a category under a code typed in lower case, needing a car', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderWithProviders(<AdminCategoriesRoute />);
    await user.click(await screen.findByRole('button', { name: '種類を追加' }));
    const form = screen.getByRole('form', { name: '困りごとの種類を追加' });
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(within(form).getAllByText('必須項目です')).toHaveLength(2);

    await user.type(within(form).getByLabelText(/^コード/), 'light work');
    await user.type(within(form).getByLabelText(/^名称/), '電球交換などの軽作業');
    await user.click(within(form).getByLabelText('車が必要'));
    await user.click(within(form).getByRole('button', { name: '追加する' }));

    expect(await screen.findByText('「電球交換などの軽作業」（LIGHT_WORK）を追加しました。')).toBeTruthy();
    expect(rowOf('電球交換などの軽作業').textContent).toContain('LIGHT_WORK');
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/v1/support-categories/LIGHT_WORK');
    expect(await put.json()).toEqual({ name: '電球交換などの軽作業', requiresVehicle: true, active: true, reportHeading: null });
  });

  it('refuses a code or name in use before asking, and shows the API’s category-name-taken by the name', async () => {
    const { requests } = backend(['ADMIN'], (_code, body) =>
      body.name === '掃除'
        ? jsonResponse({ type: '/problems/category-name-taken', title: '競合しています', status: 409, detail: '困りごとの種類「掃除」はすでにあります。' }, 409)
        : undefined,
    );
    const user = userEvent.setup();
    renderWithProviders(<AdminCategoriesRoute />);
    await user.click(await screen.findByRole('button', { name: '種類を追加' }));
    const form = screen.getByRole('form', { name: '困りごとの種類を追加' });
    const code = within(form).getByLabelText(/^コード/);
    await user.type(code, 'GARBAGE');
    await user.type(within(form).getByLabelText(/^名称/), '燃えるごみ');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(within(form).getByText('コード GARBAGE はすでに使われています。一覧の「変更」から変えてください')).toBeTruthy();
    await user.clear(code);
    await user.type(code, 'BURNABLE');
    await user.clear(within(form).getByLabelText(/^名称/));
    await user.type(within(form).getByLabelText(/^名称/), 'ゴミ出し');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(within(form).getByText('「ゴミ出し」はすでにあります')).toBeTruthy();
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);

    await user.clear(code);
    await user.type(code, 'CLEANING');
    const name = within(form).getByLabelText(/^名称/);
    await user.clear(name);
    await user.type(name, '掃除');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getAllByText('困りごとの種類「掃除」はすでにあります。').length).toBeGreaterThan(0);
  });

  it('changes a name keeping the code, and retires a category, which then leaves the list', async () => {
    const { requests } = backend();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const user = userEvent.setup();
    renderWithProviders(<AdminCategoriesRoute />);

    await user.click(await screen.findByRole('button', { name: 'ゴミ出しを変更' }));
    const form = screen.getByRole('form', { name: '「ゴミ出し」を変更' });
    expect((within(form).getByLabelText(/^コード/) as HTMLInputElement).readOnly).toBe(true);
    const name = within(form).getByLabelText(/^名称/);
    await user.clear(name);
    await user.type(name, 'ゴミ出し（可燃・不燃）');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    expect(await screen.findByText('「ゴミ出し（可燃・不燃）」を保存しました。')).toBeTruthy();
    expect(await requests.find((r) => r.method === 'PUT')!.json()).toEqual({
      name: 'ゴミ出し（可燃・不燃）',
      requiresVehicle: false,
      active: true,
      reportHeading: null,
    });

    await user.click(await screen.findByRole('button', { name: '送迎・移動支援を使わなくする' }));
    expect(confirm.mock.calls[0][0]).toContain('過去の相談と統計はそのまま残ります');
    expect(await screen.findByText(/「送迎・移動支援」を使わなくしました。一覧には使っている種類だけを表示するため、表示されなくなりました/)).toBeTruthy();
    await waitFor(() => expect(within(table()).queryByRole('rowheader', { name: '送迎・移動支援' })).toBeNull());
    const retire = requests.filter((r) => r.method === 'PUT')[1];
    expect(new URL(retire.url).pathname).toBe('/api/v1/support-categories/TRANSPORT');
    expect(await retire.json()).toEqual({ name: '送迎・移動支援', requiresVehicle: true, active: false, reportHeading: null });
  });

  it('shows the report heading in the list and sends the one typed (blank: the name), keeping it when a category is retired', async () => {
    const { requests } = backend();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const user = userEvent.setup();
    renderWithProviders(<AdminCategoriesRoute />);
    await screen.findByRole('table', { name: '使っている困りごとの種類' });
    expect(within(table()).getAllByRole('columnheader').map((h) => h.textContent)).toContain('報告の見出し');
    expect(rowOf('買い物同行').textContent).toContain('同行（買物・通院等）');
    expect(rowOf('ゴミ出し').textContent).toContain('種類の名前のまま');

    // A new category counted under the same heading as 買い物同行.
    await user.click(screen.getByRole('button', { name: '種類を追加' }));
    const form = screen.getByRole('form', { name: '困りごとの種類を追加' });
    const heading = within(form).getByLabelText(/^報告の見出し/);
    expect(heading.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(heading.getAttribute('aria-describedby')!)!.textContent).toBe('例: 同行（買物・通院等）。空欄なら種類の名前');
    await user.type(within(form).getByLabelText(/^コード/), 'HOSPITAL_ESCORT');
    await user.type(within(form).getByLabelText(/^名称/), '通院同行');
    await user.type(heading, ' 同行（買物・通院等） ');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(await screen.findByText('「通院同行」（HOSPITAL_ESCORT）を追加しました。')).toBeTruthy();
    expect(await requests.find((r) => r.method === 'PUT')!.json()).toEqual({
      name: '通院同行',
      requiresVehicle: false,
      active: true,
      reportHeading: '同行（買物・通院等）',
    });
    expect(rowOf('通院同行').textContent).toContain('同行（買物・通院等）');

    // Its form shows the heading; emptied, the category is printed under its own name again.
    await user.click(screen.getByRole('button', { name: '買い物同行を変更' }));
    const edit = screen.getByRole('form', { name: '「買い物同行」を変更' });
    const editHeading = within(edit).getByLabelText(/^報告の見出し/) as HTMLInputElement;
    expect(editHeading.value).toBe('同行（買物・通院等）');
    await user.clear(editHeading);
    await user.click(within(edit).getByRole('button', { name: '変更を保存' }));
    expect(await screen.findByText('「買い物同行」を保存しました。')).toBeTruthy();
    expect(await requests.filter((r) => r.method === 'PUT')[1].json()).toEqual({
      name: '買い物同行',
      requiresVehicle: false,
      active: true,
      reportHeading: null,
    });

    // Retired, 通院同行 keeps its heading: past years' statistics still count it there.
    await user.click(screen.getByRole('button', { name: '通院同行を使わなくする' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(3));
    expect(await requests.filter((r) => r.method === 'PUT')[2].json()).toEqual({
      name: '通院同行',
      requiresVehicle: false,
      active: false,
      reportHeading: '同行（買物・通院等）',
    });
  });

  it('keeps other roles out', async () => {
    backend(['PLANNER']);
    renderWithProviders(<AdminCategoriesRoute />);
    expect(await screen.findByRole('heading', { name: 'このページを表示する権限がありません' })).toBeTruthy();
  });
});
