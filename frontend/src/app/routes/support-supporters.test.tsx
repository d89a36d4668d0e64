import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { Area } from '@/features/areas/api/get-school-districts';
import type { SupporterGroup, SupporterGroupRequest } from '@/features/supporters/api/supporter-groups';
import type { Supporter, SupporterRequest } from '@/features/supporters/api/supporters';
import { supportKey } from '@/lib/api/support-key';
import { activityList, areaOf, areasApi, categories, coordinator, shoji, supporter, supporterGroups, supporterPage, takasu } from '@/testing/support-fixtures';
import { CONFLICT_MESSAGE } from '@/lib/api/problem';
import { http, HttpResponse } from 'msw';
import { jsonResponse, mockFetch, server } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportSupportersRoute } from './support-supporters';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What the API makes of a SupporterRequest: names for the codes, the area and group as objects. */
function stored(body: SupporterRequest, base: Supporter): Supporter {
  const group = supporterGroups.find((g) => g.id === body.groupId);
  return {
    ...base,
    name: body.name,
    kana: body.kana,
    contact: body.contact ?? null,
    area: body.areaCode === takasu.code ? takasu : shoji,
    groupId: group?.id ?? null,
    groupName: group?.name ?? null,
    payment: group?.payment ?? null,
    categoryCodes: body.categoryCodes,
    categories: body.categoryCodes.map((c) => categories.find((x) => x.code === c)!.name),
    availability: body.availability,
    capacity: body.capacity,
    hasVehicle: body.hasVehicle ?? false,
    active: body.active ?? base.active,
  };
}

/**
 * GET /supporters over the list the way the server pages it: in order of registration (id), from after the
 * cursor's supporter, at most `limit` and at most `pageSize` rows (the server's pages are 100 by default: a
 * smaller pageSize stands for a list longer than that), with the cursor of the next page while there are more.
 */
function listPage(supporters: readonly Supporter[], url: URL, pageSize: number) {
  const after = Number(url.searchParams.get('cursor')?.replace('after-', '') ?? 0);
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 100), pageSize);
  const rest = supporters.filter((s) => s.id > after).sort((a, b) => a.id - b.id);
  const items = rest.slice(0, limit);
  return supporterPage(items, rest.length > limit ? `after-${items.at(-1)!.id}` : null);
}

/**
 * The API over a list of supporters, checking a change the way the server does: the version must be the stored
 * one (409 stale-version) and the limit not below what the supporter holds (422 capacity-below-open).
 */
function backend(
  supporters: Supporter[] = [supporter({ version: 4 }), supporter({ id: 102, name: '鈴木 洋子', kana: 'すずき ようこ', availability: [], openAssignments: 0 })],
  {
    pageSize = 100,
    me = coordinator,
    areas = undefined as readonly Area[] | undefined,
    groups = supporterGroups as readonly SupporterGroup[],
  } = {},
) {
  const storedGroups = [...groups];
  const fetched = mockFetch(async (request) => {
    const url = new URL(request.url);
    const one = /^\/api\/v1\/supporters\/(\d+)$/.exec(url.pathname);
    if (url.pathname === '/api/v1/me') return jsonResponse(me);
    if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url, areas)!;
    if (url.pathname === '/api/v1/support-categories') return jsonResponse(categories);
    if (url.pathname === '/api/v1/supporter-groups' && request.method === 'GET') return jsonResponse(storedGroups);
    if (url.pathname === '/api/v1/supporter-groups' && request.method === 'POST') {
      const body: SupporterGroupRequest = await request.json();
      if (storedGroups.some((g) => g.name === body.name)) {
        return jsonResponse({ type: '/problems/group-name-taken', title: '競合しています', status: 409, detail: `グループ名「${body.name}」はもう使われています。` }, 409);
      }
      if (body.areaCode !== takasu.code && body.areaCode !== shoji.code) {
        return jsonResponse({ type: '/problems/area-not-yours', title: '処理できない内容です', status: 422, detail: '地域は担当外です。' }, 422);
      }
      const created: SupporterGroup = { id: 50 + storedGroups.length, name: body.name, area: body.areaCode === takasu.code ? takasu : shoji, payment: body.payment, active: true, version: 0 };
      storedGroups.push(created);
      return jsonResponse(created, 201);
    }
    const group = /^\/api\/v1\/supporter-groups\/(\d+)$/.exec(url.pathname);
    if (group && request.method === 'PUT') {
      const index = storedGroups.findIndex((g) => g.id === Number(group[1]));
      const body: SupporterGroupRequest = await request.json();
      if (body.version !== storedGroups[index].version) {
        return jsonResponse({ type: '/problems/stale-version', title: '競合しています', status: 409, detail: '他の人が先に更新しました。' }, 409);
      }
      storedGroups[index] = { ...storedGroups[index], name: body.name, payment: body.payment, active: body.active ?? true, version: body.version + 1 };
      return jsonResponse(storedGroups[index]);
    }
    if (url.pathname === '/api/v1/supporters' && request.method === 'GET') return jsonResponse(listPage(supporters, url, pageSize));
    if (url.pathname === '/api/v1/activities') return jsonResponse(activityList());
    if (url.pathname === '/api/v1/supporters' && request.method === 'POST') {
      const id = Math.max(...supporters.map((s) => s.id)) + 1;
      const created = stored(await request.json(), supporter({ id, openAssignments: 0, active: true, version: 0 }));
      supporters.push(created);
      return jsonResponse(created, 201);
    }
    if (one) {
      const index = supporters.findIndex((s) => s.id === Number(one[1]));
      if (index < 0) return jsonResponse({ status: 404 }, 404);
      const current = supporters[index];
      if (request.method === 'GET') return jsonResponse(current);
      const body: SupporterRequest = await request.json();
      if (body.version !== current.version) {
        return jsonResponse({
          type: '/problems/stale-version', title: '競合しています', status: 409,
          detail: `担い手「${current.name}」 は他の人が先に更新しました。最新の内容を読み込んでからやり直してください。`,
        }, 409);
      }
      if (body.capacity < current.openAssignments) {
        return jsonResponse({
          type: '/problems/capacity-below-open', title: '処理できない内容です', status: 422,
          detail: `「${current.name}」さんはいま ${current.openAssignments} 件を受け持っています。受け持ちの上限はそれより少なくできません。`,
        }, 422);
      }
      supporters[index] = { ...stored(body, current), version: current.version + 1 };
      return jsonResponse(supporters[index]);
    }
    return jsonResponse({ status: 404 }, 404);
  });
  return { ...fetched, supporters, storedGroups };
}

function renderPage(route = '/support/supporters') {
  return renderWithProviders(
    <Routes>
      <Route path="/support/supporters" element={<SupportSupportersRoute />} />
    </Routes>,
    { route },
  );
}

const line = (n: number) => screen.getByRole('group', { name: `空き時間 ${n}` });

async function setTime(user: UserEvent, input: HTMLElement, value: string) {
  await user.clear(input);
  await user.type(input, value);
}

/** Opens 担い手の変更 for a supporter of the list and waits for the form to be filled from the API. */
async function openEdit(user: UserEvent, name: string) {
  await user.click(await screen.findByRole('button', { name: `${name}さんの登録内容を変更` }));
  const form = await screen.findByRole('form', { name: `担い手の変更: ${name}さん` });
  await waitFor(() => expect(within(form).getByLabelText<HTMLInputElement>('ゴミ出し').checked).toBe(true));
  return form;
}

const puts = (requests: Request[]) => requests.filter((r) => r.method === 'PUT');

describe('担い手の一覧', () => {
  it('shades the free hours in the week grid and says them in words', async () => {
    const { requests } = mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
      if (url.pathname === '/api/v1/supporters') return jsonResponse(supporterPage([supporter(), supporter({ id: 102, name: '鈴木 洋子', availability: [], openAssignments: 0 })]));
      if (url.pathname === '/api/v1/supporter-groups') return jsonResponse(supporterGroups);
      return jsonResponse({ status: 404 }, 404);
    });
    renderWithProviders(
      <Routes>
        <Route path="/support/supporters" element={<SupportSupportersRoute />} />
      </Routes>,
      { route: '/support/supporters?area=40101-shoji' },
    );

    const grid = await screen.findByRole('img', { name: '佐藤 和子さんの空き時間: 火 08:00〜12:00、木 13:00〜17:00' });
    const free = Array.from(grid.querySelectorAll<HTMLElement>('[data-free="true"]')).map((c) => `${c.dataset.day}-${c.dataset.hour}`);
    expect(free).toEqual(['2-8', '2-9', '2-10', '2-11', '4-13', '4-14', '4-15', '4-16']);
    // 7 days × 8:00–18:00
    expect(grid.querySelectorAll('.week-grid__cell')).toHaveLength(70);
    expect(grid.querySelectorAll('.week-grid__cell--free')).toHaveLength(8);
    expect(screen.getByRole('img', { name: '鈴木 洋子さんの空き時間: 空き時間の登録なし' }).querySelectorAll('.week-grid__cell--free')).toHaveLength(0);

    const row = screen.getAllByTestId('supporter')[0];
    expect(within(row).getByText('ゴミ出し・掃除')).toBeTruthy();
    expect(within(row).getByLabelText('受け持ち 1件（上限 2件）').textContent).toBe('1/2');
    expect(new URL(requests.find((r) => r.url.includes('/supporters'))!.url).searchParams.get('area')).toBe('40101-shoji');
  });
});

describe('担い手の活動記録', () => {
  it("lists a supporter's records over their requests with the total, each linked to its request, and closes back to its button", async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    const open = await screen.findByRole('button', { name: '佐藤 和子さんの活動記録' });
    expect(requests.some((r) => new URL(r.url).pathname === '/api/v1/activities')).toBe(false);
    await user.click(open);

    const panel = screen.getByRole('region', { name: '佐藤 和子さんの活動記録' });
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: '佐藤 和子さんの活動記録' }));
    const table = await within(panel).findByRole('table', { name: '佐藤 和子さんの活動記録（2件）' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => Array.from(r.children).map((c) => c.textContent))).toEqual([
      ['2026年11月26日', '庄司 一郎', 'ゴミ出し', '15分', '—', '相談 42'],
      ['2026年11月24日', '庄司 一郎', 'ゴミ出し', '1時間', '燃えるごみ 2 袋', '相談 42'],
    ]);
    expect(within(rows[0]).getByRole('link', { name: '相談 42' }).getAttribute('href')).toBe('/support/requests/42');
    expect(within(panel).getByTestId('activity-total').textContent).toBe('2件 合計 1時間15分');
    const get = requests.find((r) => new URL(r.url).pathname === '/api/v1/activities')!;
    expect(new URL(get.url).searchParams.get('supporter')).toBe('101');
    expect(new URL(get.url).searchParams.has('assignment')).toBe(false);

    await user.click(within(panel).getByRole('button', { name: '閉じる' }));
    expect(screen.queryByRole('region', { name: '佐藤 和子さんの活動記録' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '佐藤 和子さんの活動記録' }));
  });

  it('says so when the supporter has none', async () => {
    const user = userEvent.setup();
    backend();
    server.use(http.get('*/api/v1/activities', () => HttpResponse.json({ items: [], totalMinutes: 0 })));
    renderPage();
    await user.click(await screen.findByRole('button', { name: '鈴木 洋子さんの活動記録' }));
    expect(await screen.findByText('鈴木 洋子さんの活動の記録はまだありません。')).toBeTruthy();
  });
});

/** Supporters 101… in order of registration, named so that each row can be told apart. */
const many = (n: number) =>
  Array.from({ length: n }, (_, i) => supporter({ id: 101 + i, name: `担い手 ${i + 1}`, kana: `にないて ${i + 1}` }));

const names = () => screen.getAllByTestId('supporter').map((row) => within(row).getByRole('rowheader').firstChild?.textContent);
const listGets = (requests: Request[]) =>
  requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/v1/supporters').map((r) => new URL(r.url).searchParams);

describe('担い手の一覧のページ送り', () => {
  it('shows the first page, appends the next one asked for with the cursor of the last answer, and ends', async () => {
    const user = userEvent.setup();
    const { requests } = backend(many(5), { pageSize: 2 });
    renderPage('/support/supporters?area=40101-shoji');

    await waitFor(() => expect(names()).toEqual(['担い手 1', '担い手 2']));
    expect(screen.getByText('2人を表示中（活動中 2人）')).toBeTruthy();
    const [first] = listGets(requests);
    expect(Object.fromEntries(first)).toEqual({ area: '40101-shoji', limit: '100' });

    await user.click(screen.getByRole('button', { name: 'さらに表示' }));
    await waitFor(() => expect(names()).toEqual(['担い手 1', '担い手 2', '担い手 3', '担い手 4']));
    expect(screen.getByText('4人を表示中（活動中 4人）')).toBeTruthy();
    expect(Object.fromEntries(listGets(requests)[1])).toEqual({ area: '40101-shoji', limit: '100', cursor: 'after-102' });

    await user.click(screen.getByRole('button', { name: 'さらに表示' }));
    await waitFor(() => expect(names()).toEqual(['担い手 1', '担い手 2', '担い手 3', '担い手 4', '担い手 5']));
    expect(listGets(requests)[2].get('cursor')).toBe('after-104');
    // The last answer's nextCursor was null: nothing more to ask for.
    expect(screen.queryByRole('button', { name: 'さらに表示' })).toBeNull();
    expect(listGets(requests)).toHaveLength(3);
  });

  it('offers no more when the first page is the whole list', async () => {
    const { requests } = backend(many(2), { pageSize: 2 });
    renderPage();

    await waitFor(() => expect(names()).toEqual(['担い手 1', '担い手 2']));
    expect(screen.queryByRole('button', { name: 'さらに表示' })).toBeNull();
    expect(listGets(requests)).toHaveLength(1);
  });

  it('asks once for a page on its way, and keeps the rows when it fails so that it can be asked again', async () => {
    const user = userEvent.setup();
    const supporters = many(3);
    let release!: () => void;
    const failure = new Promise<Response>((resolve) => {
      release = () => resolve(jsonResponse({ type: 'about:blank', title: 'エラー', status: 503, detail: 'しばらくしてからやり直してください。' }, 503));
    });
    let failed = false;
    const { requests } = mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname.startsWith('/api/v1/areas')) return areasApi(url)!;
      if (url.pathname === '/api/v1/supporters' && url.searchParams.has('cursor') && !failed) {
        failed = true;
        return failure;
      }
      if (url.pathname === '/api/v1/supporters') return jsonResponse(listPage(supporters, url, 2));
      if (url.pathname === '/api/v1/supporter-groups') return jsonResponse(supporterGroups);
      return jsonResponse({ status: 404 }, 404);
    });
    renderPage();

    const more = await screen.findByRole('button', { name: 'さらに表示' });
    await user.click(more);
    const waiting = screen.getByRole('button', { name: '読み込んでいます…' });
    // Still focusable (aria-disabled, not disabled), and a second click asks nothing more.
    expect(waiting.getAttribute('aria-disabled')).toBe('true');
    await user.click(waiting);
    expect(listGets(requests)).toHaveLength(2);

    release();
    expect((await screen.findByRole('alert')).textContent).toContain('しばらくしてからやり直してください。');
    expect(names()).toEqual(['担い手 1', '担い手 2']);
    await user.click(screen.getByRole('button', { name: 'さらに表示' }));
    await waitFor(() => expect(names()).toEqual(['担い手 1', '担い手 2', '担い手 3']));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'さらに表示' })).toBeNull();
  });
});

describe('担い手の登録', () => {
  it('registers a supporter with the Idempotency-Key and shows them in the list', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage('/support/supporters?area=40102-takasu');

    await user.click(await screen.findByRole('button', { name: '担い手を登録' }));
    const form = await screen.findByRole('form', { name: '担い手の登録' });
    // The list's district is where the new supporter starts; its groups are the ones offered.
    const area = within(form).getByLabelText<HTMLSelectElement>(/^地域/);
    expect(area.value).toBe('40102-takasu');
    const group = within(form).getByLabelText<HTMLSelectElement>(/^グループ/);
    await waitFor(() =>
      expect(Array.from(group.options).map((o) => o.textContent)).toEqual(['なし', '高須ささえあい（有償）', '高須有償ボランティア（有償）']),
    );

    await user.type(within(form).getByLabelText(/^氏名/), '高須 花子');
    await user.type(within(form).getByLabelText(/^ふりがな/), 'たかす はなこ');
    await user.type(within(form).getByLabelText(/^連絡先/), '093-000-0000');
    await user.selectOptions(group, '4');
    await user.click(await within(form).findByLabelText('ゴミ出し'));
    await user.click(within(form).getByLabelText('粗大ごみ（車が必要）'));
    await user.click(within(form).getByRole('button', { name: '空き時間を追加' }));
    await user.selectOptions(within(line(1)).getByLabelText('曜日'), '水曜');
    await user.click(within(form).getByRole('button', { name: '空き時間を追加' }));
    await setTime(user, within(line(2)).getByLabelText('開始'), '13:00');
    await setTime(user, within(line(2)).getByLabelText('終了'), '16:30');
    await setTime(user, within(form).getByLabelText(/^受け持ちの上限/), '3');
    await user.click(within(form).getByLabelText('車あり'));
    // 活動中/休止 is for a change only: a new supporter is active.
    expect(within(form).queryByLabelText('休止')).toBeNull();
    await user.click(within(form).getByRole('button', { name: '登録する' }));

    expect(await screen.findByText('高須 花子さんを担い手に登録しました。')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/v1/supporters'))!;
    expect(await post.json()).toEqual({
      name: '高須 花子', kana: 'たかす はなこ', contact: '093-000-0000', areaCode: '40102-takasu', groupId: 4,
      categoryCodes: ['GARBAGE', 'BULKY_WASTE'],
      availability: [{ dayOfWeek: 3, start: '09:00', end: '12:00' }, { dayOfWeek: 4, start: '13:00', end: '16:30' }],
      capacity: 3, hasVehicle: true,
    });
    expect(post.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(screen.queryByRole('form', { name: '担い手の登録' })).toBeNull();
    const row = (await screen.findAllByTestId('supporter')).find((r) => r.textContent?.includes('高須 花子'))!;
    expect(within(row).getByRole('img', { name: '高須 花子さんの空き時間: 水 09:00〜12:00、木 13:00〜16:30' })).toBeTruthy();
    expect(within(row).getByText('ゴミ出し・粗大ごみ')).toBeTruthy();
  });

  it('shows a supporter just registered at the end of a list not loaded that far, once', async () => {
    const user = userEvent.setup();
    backend(many(3), { pageSize: 2 });
    renderPage('/support/supporters?area=40101-shoji');

    await user.click(await screen.findByRole('button', { name: '担い手を登録' }));
    const form = await screen.findByRole('form', { name: '担い手の登録' });
    await user.type(within(form).getByLabelText(/^氏名/), '庄司 三郎');
    await user.type(within(form).getByLabelText(/^ふりがな/), 'しょうじ さぶろう');
    await user.click(await within(form).findByLabelText('掃除'));
    await user.click(within(form).getByRole('button', { name: '登録する' }));

    await screen.findByText('庄司 三郎さんを担い手に登録しました。');
    // The new supporter is on the last page, after 担い手 3, which is not loaded yet.
    expect(names()).toEqual(['担い手 1', '担い手 2', '庄司 三郎']);
    expect(screen.getByText('3人を表示中（活動中 3人）')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'さらに表示' }));
    await waitFor(() => expect(names()).toEqual(['担い手 1', '担い手 2', '担い手 3', '庄司 三郎']));
    expect(screen.queryByRole('button', { name: 'さらに表示' })).toBeNull();
  });

  it('adds and removes lines of free time, and keeps a wrong line from being sent', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();

    await user.click(await screen.findByRole('button', { name: '担い手を登録' }));
    const form = await screen.findByRole('form', { name: '担い手の登録' });
    expect(within(form).getByText('空き時間の登録はありません。')).toBeTruthy();
    const add = within(form).getByRole('button', { name: '空き時間を追加' });
    await user.click(add);
    await user.click(add);
    await user.click(add);
    // Each new line is the day after the last one; the new line takes the focus.
    const days = () => within(form).getAllByLabelText<HTMLSelectElement>('曜日').map((s) => s.value);
    expect(days()).toEqual(['1', '2', '3']);
    expect(document.activeElement).toBe(within(line(3)).getByLabelText('曜日'));

    await user.type(within(form).getByLabelText(/^氏名/), '庄司 次郎');
    await user.type(within(form).getByLabelText(/^ふりがな/), 'しょうじ じろう');
    await user.selectOptions(within(form).getByLabelText(/^地域/), '40101-shoji');
    await user.click(await within(form).findByLabelText('掃除'));
    await setTime(user, within(line(2)).getByLabelText('終了'), '08:00');
    await user.click(within(form).getByRole('button', { name: '登録する' }));

    expect(within(line(2)).getByText('終了は開始より後にしてください')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toContain('空き時間 2: 終了は開始より後にしてください');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    // Removing the first line renumbers the rest; the wrong line keeps its error.
    await user.click(within(form).getByRole('button', { name: '空き時間 1を削除' }));
    expect(days()).toEqual(['2', '3']);
    expect(within(line(1)).getByText('終了は開始より後にしてください')).toBeTruthy();
    expect(document.activeElement).toBe(add);
    await setTime(user, within(line(1)).getByLabelText('終了'), '11:00');
    await user.click(within(form).getByRole('button', { name: '空き時間 2を削除' }));
    await user.click(within(form).getByRole('button', { name: '登録する' }));

    await screen.findByText('庄司 次郎さんを担い手に登録しました。');
    const post = requests.find((r) => r.method === 'POST')!;
    expect((await post.json()).availability).toEqual([{ dayOfWeek: 2, start: '09:00', end: '11:00' }]);
  });

  it('moves the focus to the first field that is wrong, in the order of the page', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();

    await user.click(await screen.findByRole('button', { name: '担い手を登録' }));
    const form = await screen.findByRole('form', { name: '担い手の登録' });
    await within(form).findByLabelText('ゴミ出し');
    await user.click(within(form).getByRole('button', { name: '登録する' }));
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText(/^氏名/)));
    expect(within(form).getByRole('alert').textContent).toContain('氏名を入力してください');

    // できること comes before the limit on the page, whatever order the form learnt its fields in.
    await user.type(within(form).getByLabelText(/^氏名/), '庄司 次郎');
    await user.type(within(form).getByLabelText(/^ふりがな/), 'しょうじ じろう');
    await user.selectOptions(within(form).getByLabelText(/^地域/), '40101-shoji');
    await setTime(user, within(form).getByLabelText(/^受け持ちの上限/), '0');
    await user.click(within(form).getByRole('button', { name: '登録する' }));
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByLabelText('ゴミ出し')));
    expect(within(form).getByLabelText(/^受け持ちの上限/).getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByRole('alert').textContent).not.toContain('氏名を入力してください');

    // A wrong line of free time, below できること and above the limit.
    await user.click(within(form).getByLabelText('ゴミ出し'));
    await user.click(within(form).getByRole('button', { name: '空き時間を追加' }));
    await setTime(user, within(line(1)).getByLabelText('終了'), '08:00');
    await user.click(within(form).getByRole('button', { name: '登録する' }));
    await waitFor(() => expect(document.activeElement).toBe(within(line(1)).getByLabelText('終了')));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it("shows the server's word on a field at that field, and the rest above the form", async () => {
    const user = userEvent.setup();
    const { spy } = backend();
    mockFetch((request) =>
      request.method === 'POST' && new URL(request.url).pathname === '/api/v1/supporters'
        ? jsonResponse({
            type: '/problems/validation', title: '処理できない内容です', status: 400, detail: '入力内容を確認してください。',
            errors: [
              { field: 'create.request.kana', message: 'ふりがなはひらがなで入力してください' },
              { field: 'create.request.availability[0].end', message: '終了は 24:00 までにしてください' },
              { field: 'create.request.note', message: 'ほかの誤り' },
            ],
          }, 400)
        : spy(request),
    );
    renderPage();

    await user.click(await screen.findByRole('button', { name: '担い手を登録' }));
    const form = await screen.findByRole('form', { name: '担い手の登録' });
    await user.type(within(form).getByLabelText(/^氏名/), '庄司 次郎');
    await user.type(within(form).getByLabelText(/^ふりがな/), 'ショウジ ジロウ');
    await user.selectOptions(within(form).getByLabelText(/^地域/), '40101-shoji');
    await user.click(await within(form).findByLabelText('掃除'));
    await user.click(within(form).getByRole('button', { name: '空き時間を追加' }));
    await user.click(within(form).getByRole('button', { name: '登録する' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('入力内容を確認してください。');
    expect(alert.textContent).toContain('ほかの誤り');
    expect(alert.textContent).not.toContain('ふりがなはひらがなで入力してください');
    // The refusal is brought to the screen reader: the focus is on the messages above the form.
    expect(document.activeElement?.contains(alert)).toBe(true);
    const kana = within(form).getByLabelText(/^ふりがな/);
    expect(kana.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(kana.getAttribute('aria-describedby')!)?.textContent).toBe('ふりがなはひらがなで入力してください');
    expect(within(line(1)).getByText('終了は 24:00 までにしてください')).toBeTruthy();
    expect(screen.queryByText('庄司 次郎さんを担い手に登録しました。')).toBeNull();
  });

  it('offers no more than 21 lines', async () => {
    const user = userEvent.setup();
    backend();
    renderPage();
    await user.click(await screen.findByRole('button', { name: '担い手を登録' }));
    const add = await screen.findByRole<HTMLButtonElement>('button', { name: '空き時間を追加' });
    for (let i = 0; i < 21; i++) await user.click(add);
    expect(screen.getAllByLabelText('曜日')).toHaveLength(21);
    expect(add.disabled).toBe(true);
    expect(screen.getByText('空き時間は 21 件までです')).toBeTruthy();
  });
});

describe('担い手の変更', () => {
  it('sends the changed fields with the version it was read at, and refreshes lists and candidates', async () => {
    const user = userEvent.setup();
    const { requests, supporters } = backend();
    const { client } = renderPage();
    // Candidates of an open request, as the request page would have them.
    client.setQueryData([...supportKey, 'requests', 'candidates', 42], { requestId: 42, weights: {}, items: [] });

    const form = await openEdit(user, '佐藤 和子');
    expect(within(form).getByLabelText<HTMLInputElement>(/^氏名/).value).toBe('佐藤 和子');
    expect(within(form).getByLabelText<HTMLSelectElement>(/^グループ/).value).toBe('3');
    expect(within(form).getAllByLabelText<HTMLSelectElement>('曜日').map((s) => s.value)).toEqual(['2', '4']);
    expect(within(form).getByLabelText<HTMLInputElement>('活動中').checked).toBe(true);

    await user.click(within(form).getByLabelText('掃除'));
    await setTime(user, within(form).getByLabelText(/^受け持ちの上限/), '3');
    await user.click(within(form).getByLabelText('休止'));
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    expect(await screen.findByText('佐藤 和子さんの登録内容を保存しました。')).toBeTruthy();
    const put = puts(requests)[0];
    expect(new URL(put.url).pathname).toBe('/api/v1/supporters/101');
    expect(await put.json()).toEqual({
      name: '佐藤 和子', kana: 'さとう かずこ', contact: null, areaCode: '40101-shoji', groupId: 3,
      categoryCodes: ['GARBAGE'],
      availability: [{ dayOfWeek: 2, start: '08:00', end: '12:00' }, { dayOfWeek: 4, start: '13:00', end: '17:00' }],
      capacity: 3, hasVehicle: false, active: false, version: 4,
    });
    expect(supporters[0].version).toBe(5);
    const row = screen.getAllByTestId('supporter')[0];
    await waitFor(() => expect(within(row).getByLabelText('受け持ち 1件（上限 3件）')).toBeTruthy());
    expect(within(row).getByText('ゴミ出し')).toBeTruthy();
    expect(client.getQueryState([...supportKey, 'requests', 'candidates', 42])?.isInvalidated).toBe(true);
  });

  it('says someone else changed it first on a 409, and saves over the newer copy after reloading', async () => {
    const user = userEvent.setup();
    const { requests, supporters } = backend();
    const { client } = renderPage();

    const form = await openEdit(user, '佐藤 和子');
    // Someone else saves 佐藤さん while this form is open, and the page happens to read the newer copy meanwhile:
    // the form still speaks for the copy it was filled from, or it would quietly undo their change.
    supporters[0] = { ...supporters[0], contact: '093-111-1111', version: 5 };
    await client.refetchQueries({ queryKey: [...supportKey, 'supporter', 101] });
    expect(within(form).getByLabelText<HTMLInputElement>(/^連絡先/).value).toBe('');
    await setTime(user, within(form).getByLabelText(/^受け持ちの上限/), '4');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain(CONFLICT_MESSAGE);
    expect(await puts(requests)[0].clone().json()).toMatchObject({ version: 4, capacity: 4 });
    expect(screen.queryByText('佐藤 和子さんの登録内容を保存しました。')).toBeNull();

    await user.click(within(alert).getByRole('button', { name: '再読み込み' }));
    const fresh = await screen.findByRole('form', { name: '担い手の変更: 佐藤 和子さん' });
    await waitFor(() => expect(within(fresh).getByLabelText<HTMLInputElement>(/^連絡先/).value).toBe('093-111-1111'));
    expect(within(fresh).queryByRole('alert')).toBeNull();
    expect(within(fresh).getByLabelText<HTMLInputElement>(/^受け持ちの上限/).value).toBe('2');
    await setTime(user, within(fresh).getByLabelText(/^受け持ちの上限/), '4');
    await user.click(within(fresh).getByRole('button', { name: '変更を保存' }));

    expect(await screen.findByText('佐藤 和子さんの登録内容を保存しました。')).toBeTruthy();
    expect(await puts(requests)[1].json()).toMatchObject({ version: 5, capacity: 4, contact: '093-111-1111' });
  });

  it('shows why a limit below what the supporter holds now is refused (422 capacity-below-open)', async () => {
    const user = userEvent.setup();
    backend([supporter({ capacity: 3, openAssignments: 2, version: 1 })]);
    renderPage();

    const form = await openEdit(user, '佐藤 和子');
    expect(within(form).getByText(/いま 2 件を受け持っています/)).toBeTruthy();
    await setTime(user, within(form).getByLabelText(/^受け持ちの上限/), '1');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    const detail = '「佐藤 和子」さんはいま 2 件を受け持っています。受け持ちの上限はそれより少なくできません。';
    expect((await within(form).findByRole('alert')).textContent).toContain(detail);
    // Said at the field it is about, too.
    const capacity = within(form).getByLabelText(/^受け持ちの上限/);
    expect(capacity.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(capacity.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe(detail);
    expect(within(form).queryByText(CONFLICT_MESSAGE)).toBeNull();
  });
});

describe('担い手の地域とグループ', () => {
  const neighbourhood = (code: string, name: string, parent: string, retired = false) =>
    areaOf({ code, name, kind: 'NEIGHBOURHOOD' }, { parentCode: parent, retired });
  const tree = [
    areaOf(takasu),
    areaOf(shoji),
    neighbourhood('40102-takasu-1', '高須一丁目', takasu.code),
    neighbourhood('40102-takasu-2', '高須二丁目', takasu.code, true),
    neighbourhood('40101-shoji-1', '庄司町', shoji.code),
    areaOf({ code: '40106-wakazono', name: '若園', kind: 'SCHOOL_DISTRICT' }),
    areaOf({ code: '40106-nuki', name: '貫', kind: 'SCHOOL_DISTRICT' }, { retired: true }),
  ];

  it("offers a coordinator their own districts with the neighbourhoods below them, never a retired one", async () => {
    const user = userEvent.setup();
    const { requests } = backend(undefined, { areas: tree });
    renderPage();

    await user.click(await screen.findByRole('button', { name: '担い手を登録' }));
    const form = await screen.findByRole('form', { name: '担い手の登録' });
    const area = within(form).getByLabelText<HTMLSelectElement>(/^地域/);
    await waitFor(() =>
      expect(Array.from(area.options).map((o) => o.textContent)).toEqual(['選択してください', '高須', '高須・高須一丁目', '庄司', '庄司・庄司町']),
    );
    // The district filter of the list names the districts as the API does.
    const filter = screen.getAllByLabelText<HTMLSelectElement>(/^地区/)[0];
    expect(Array.from(filter.options).map((o) => o.textContent)).toEqual(['担当地区すべて', '高須', '庄司']);
    // Nobody asked for the whole city's districts: a coordinator's come one by one.
    expect(requests.some((r) => new URL(r.url).searchParams.get('kind') === 'SCHOOL_DISTRICT')).toBe(false);

    // A neighbourhood's groups are those of its district.
    await user.selectOptions(area, '40102-takasu-1');
    const group = within(form).getByLabelText<HTMLSelectElement>(/^グループ/);
    expect(Array.from(group.options).map((o) => o.textContent)).toEqual(['なし', '高須ささえあい（有償）', '高須有償ボランティア（有償）']);
  });

  it('offers an administrator every district that is not retired', async () => {
    const user = userEvent.setup();
    backend(undefined, { areas: tree, me: { ...coordinator, subject: 'admin', roles: ['ADMIN'], districts: [] } });
    renderPage();

    await user.click(await screen.findByRole('button', { name: '担い手を登録' }));
    const form = await screen.findByRole('form', { name: '担い手の登録' });
    const area = within(form).getByLabelText<HTMLSelectElement>(/^地域/);
    await waitFor(() => expect(area.options.length).toBe(4));
    expect(Array.from(area.options).map((o) => o.value)).toEqual(['', takasu.code, shoji.code, '40106-wakazono']);
  });

  it('offers only active groups, but keeps a retired one for the supporter already in it', async () => {
    const user = userEvent.setup();
    const groups: SupporterGroup[] = [
      { id: 3, name: 'お助け隊', area: shoji, payment: 'UNPAID', active: false, version: 2 },
      { id: 6, name: '庄司ささえ隊', area: shoji, payment: 'PAID', active: true, version: 0 },
    ];
    backend(undefined, { groups });
    renderPage();

    const form = await openEdit(user, '佐藤 和子');
    const group = within(form).getByLabelText<HTMLSelectElement>(/^グループ/);
    expect(group.value).toBe('3');
    expect(Array.from(group.options).map((o) => o.textContent)).toEqual(['なし', 'お助け隊（無償・廃止）', '庄司ささえ隊（有償）']);
    await user.click(within(form).getByRole('button', { name: 'キャンセル' }));

    await user.click(await screen.findByRole('button', { name: '担い手を登録' }));
    const create = await screen.findByRole('form', { name: '担い手の登録' });
    await user.selectOptions(within(create).getByLabelText(/^地域/), shoji.code);
    expect(Array.from(within(create).getByLabelText<HTMLSelectElement>(/^グループ/).options).map((o) => o.textContent)).toEqual(['なし', '庄司ささえ隊（有償）']);
  });
});

describe('担い手グループ', () => {
  const groupRow = (name: string) => screen.getAllByTestId('supporter-group').find((r) => within(r).getByRole('rowheader').textContent === name)!;

  it('lists the groups of the districts with 有償・無償 and whether they are retired', async () => {
    backend(undefined, { groups: [...supporterGroups, { id: 9, name: '旧お助け隊', area: takasu, payment: 'UNPAID', active: false, version: 1 }] });
    renderPage();
    const section = await screen.findByRole('region', { name: '担い手グループ' });
    await waitFor(() => expect(within(section).getAllByTestId('supporter-group')).toHaveLength(4));
    expect(groupRow('お助け隊').textContent).toContain('庄司無償活動中');
    expect(groupRow('旧お助け隊').textContent).toContain('高須無償廃止');
    expect(within(groupRow('旧お助け隊')).getByRole('button', { name: '「旧お助け隊」を再開' })).toBeTruthy();
  });

  it('makes a group in one of the districts, and shows a name already used at the name', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();

    await user.click(await screen.findByRole('button', { name: '担い手グループを作る' }));
    const form = screen.getByRole('form', { name: '担い手グループを作る' });
    // Only districts: a group is not made for a neighbourhood.
    expect(Array.from(within(form).getByLabelText<HTMLSelectElement>(/^地区/).options).map((o) => o.textContent)).toEqual(['選択してください', '高須', '庄司']);
    await user.click(within(form).getByRole('button', { name: '作る' }));
    expect(within(form).getByLabelText(/^グループ名/).getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText(/^地区/).getAttribute('aria-invalid')).toBe('true');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.type(within(form).getByLabelText(/^グループ名/), 'お助け隊');
    await user.selectOptions(within(form).getByLabelText(/^地区/), takasu.code);
    await user.click(within(form).getByLabelText('有償'));
    await user.click(within(form).getByRole('button', { name: '作る' }));
    const name = within(form).getByLabelText(/^グループ名/);
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe('グループ名「お助け隊」はもう使われています。');

    await user.clear(name);
    await user.type(name, '高須ちょこっと応援隊');
    await user.click(within(form).getByRole('button', { name: '作る' }));
    expect(await screen.findByText('「高須ちょこっと応援隊」を作りました。')).toBeTruthy();
    const posts = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/v1/supporter-groups'));
    expect(await posts.at(-1)!.json()).toEqual({ name: '高須ちょこっと応援隊', areaCode: takasu.code, payment: 'PAID' });
    expect(await screen.findByRole('rowheader', { name: '高須ちょこっと応援隊' })).toBeTruthy();
  });

  it('renames a group with its version, and after someone else changed it first offers 再読み込み', async () => {
    const user = userEvent.setup();
    const { requests, storedGroups } = backend();
    renderPage();

    await user.click(await screen.findByRole('button', { name: '「お助け隊」を変更' }));
    const form = screen.getByRole('form', { name: 'グループの変更: お助け隊' });
    storedGroups[0] = { ...storedGroups[0], payment: 'PAID', version: 1 };
    await user.clear(within(form).getByLabelText(/^グループ名/));
    await user.type(within(form).getByLabelText(/^グループ名/), '庄司お助け隊');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain(CONFLICT_MESSAGE);
    await user.click(within(alert).getByRole('button', { name: '再読み込み' }));
    const fresh = await screen.findByRole('form', { name: 'グループの変更: お助け隊' });
    await waitFor(() => expect(within(fresh).getByLabelText<HTMLInputElement>('有償').checked).toBe(true));
    await user.clear(within(fresh).getByLabelText(/^グループ名/));
    await user.type(within(fresh).getByLabelText(/^グループ名/), '庄司お助け隊');
    await user.click(within(fresh).getByLabelText('無償'));
    await user.click(within(fresh).getByRole('button', { name: '変更を保存' }));

    expect(await screen.findByText('「庄司お助け隊」を保存しました。')).toBeTruthy();
    const bodies = await Promise.all(puts(requests).map((r) => r.json()));
    expect(bodies).toEqual([
      { name: '庄司お助け隊', payment: 'UNPAID', active: true, version: 0 },
      { name: '庄司お助け隊', payment: 'UNPAID', active: true, version: 1 },
    ]);
  });

  it('retires a group and reopens it', async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();

    await user.click(await screen.findByRole('button', { name: '「高須ささえあい」を廃止' }));
    expect(await screen.findByText('「高須ささえあい」を廃止しました。所属している担い手はそのままです。')).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: '「高須ささえあい」を再開' }));
    expect(await screen.findByText('「高須ささえあい」を再開しました。')).toBeTruthy();
    const bodies = await Promise.all(puts(requests).map((r) => r.json()));
    expect(bodies).toEqual([
      { name: '高須ささえあい', payment: 'PAID', active: false, version: 0 },
      { name: '高須ささえあい', payment: 'PAID', active: true, version: 1 },
    ]);
  });
});
