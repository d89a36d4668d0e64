import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { FollowUpItem, FollowUpQueue, FollowUpSettings, FollowUpSettingsRequest } from '@/features/followups/api/follow-ups';
import { CONFLICT_MESSAGE } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { areasApi, coordinator, shoji, takasu, viewer } from '@/testing/support-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportFollowUpsRoute } from './support-follow-ups';

type Me = components['schemas']['MeResponse'];

const admin: Me = { ...coordinator, subject: 'admin', roles: ['ADMIN'], districts: [] };

const defaults: FollowUpSettings = { proposalDays: 3, waitingDays: 5, activityGraceDays: 7, idleSupporterDays: 90, version: 2 };

function item(extra: Partial<FollowUpItem> & Pick<FollowUpItem, 'kind' | 'summary'>): FollowUpItem {
  return {
    since: '2026-11-16',
    days: 6,
    area: shoji,
    requestId: null,
    assignmentId: null,
    supporterId: null,
    recipientName: null,
    supporterName: null,
    category: null,
    urgency: null,
    ...extra,
  };
}

/** One of each kind and a second request waiting, in the API's order: by kind, urgent first, oldest first. */
const everyKind: FollowUpItem[] = [
  item({
    kind: 'REQUEST_WAITING', requestId: 42, recipientName: '庄司 一郎', category: 'ゴミ出し', urgency: 'HIGH', since: '2026-11-22', days: 0,
    summary: '緊急の相談です。受付から 0 日、担い手が決まっていません',
  }),
  item({
    kind: 'REQUEST_WAITING', requestId: 43, recipientName: '高須 花子', area: takasu, category: '掃除', urgency: 'NORMAL',
    summary: '受付から 6 日、担い手が決まっていません',
  }),
  item({
    kind: 'PROPOSAL_UNANSWERED', requestId: 44, assignmentId: 9, supporterId: 101, recipientName: '庄司 二郎', supporterName: '佐藤 和子',
    category: 'ゴミ出し', urgency: 'NORMAL', days: 4, since: '2026-11-18', summary: '提案から 4 日、担い手の返事がありません',
  }),
  item({
    kind: 'ACTIVITY_MISSING', requestId: 45, assignmentId: 10, supporterId: 102, recipientName: '庄司 三郎', supporterName: '鈴木 洋子',
    category: '掃除', urgency: 'LOW', days: 8, since: '2026-11-14', summary: '支援の日から 8 日、活動記録がありません',
  }),
  item({
    kind: 'SUPPORTER_IDLE', supporterId: 103, supporterName: '田中 一男', area: takasu, days: 120, since: '2026-07-25',
    summary: '120 日、依頼をしていません（お礼やお願いの連絡を）',
  }),
];

function queueOf(items: FollowUpItem[], settings: FollowUpSettings): FollowUpQueue {
  const counts = { REQUEST_WAITING: 0, PROPOSAL_UNANSWERED: 0, ACTIVITY_MISSING: 0, SUPPORTER_IDLE: 0 };
  for (const i of items) counts[i.kind] += 1;
  return { items, counts, total: items.length, settings };
}

/**
 * The API of 要対応 over a list of items: the queue of an area is its items (the area's subtree stands as the area
 * itself here), the counts of all, and the thresholds, whose change is checked as the server does (409 when the
 * version is not the stored one, 400 naming a negative field), the stored version moving on with each change.
 */
function backend({ me = coordinator, items = everyKind, settings = defaults, refuse = undefined as Response | undefined } = {}) {
  const state = { settings };
  const mock = mockFetch(async (request) => {
    const url = new URL(request.url);
    const areas = areasApi(url);
    if (areas) return areas;
    if (url.pathname === '/api/v1/me') return jsonResponse(me);
    const area = url.searchParams.get('area');
    const inArea = items.filter((i) => !area || i.area.code === area);
    if (url.pathname === '/api/v1/follow-ups') return jsonResponse(queueOf(inArea, state.settings));
    if (url.pathname === '/api/v1/follow-up-counts') {
      const { counts, total } = queueOf(inArea, state.settings);
      return jsonResponse({ counts, total });
    }
    if (url.pathname === '/api/v1/follow-up-settings' && request.method === 'GET') return jsonResponse(state.settings);
    if (url.pathname === '/api/v1/follow-up-settings' && request.method === 'PUT') {
      if (refuse) return refuse;
      const body = (await request.json()) as FollowUpSettingsRequest;
      if (body.version !== state.settings.version) {
        return jsonResponse({ type: '/problems/stale-version', title: '競合しています', status: 409, detail: '要対応の設定は他の人が先に更新しました。' }, 409);
      }
      state.settings = { ...body, version: body.version + 1 };
      return jsonResponse(state.settings);
    }
    return jsonResponse({ status: 404 }, 404);
  });
  return { ...mock, state };
}

/** Where a link took the page, with its query, to check the filter it carries. */
function Landed({ name }: { name: string }) {
  const location = useLocation();
  return (
    <p>
      {name}のページ {location.pathname}
      {location.search}
    </p>
  );
}

function renderPage(route = '/support/follow-ups') {
  return renderWithProviders(
    <Routes>
      <Route path="/support/follow-ups" element={<SupportFollowUpsRoute />} />
      <Route path="/support/stats" element={<Landed name="地区の統計" />} />
      <Route path="/support/requests/:id" element={<Landed name="相談" />} />
      <Route path="/support/supporters" element={<Landed name="担い手の一覧" />} />
    </Routes>,
    { route },
  );
}

const section = (name: RegExp) => screen.getByRole('region', { name });
const entries = (name: RegExp) => within(section(name)).queryAllByRole('listitem');
const calls = (sent: Request[], path: string, method = 'GET') =>
  sent.filter((r) => new URL(r.url).pathname === path && r.method === method);

describe('要対応', () => {
  it('shows the four kinds in order with their counts, each item with its summary, area, names and the way to it', async () => {
    const { requests: sent } = backend();
    renderPage();

    expect(await screen.findByRole('heading', { level: 1, name: '要対応' })).toBeTruthy();
    await screen.findByText('対応が必要なもの 合計 5件');
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['調整を待っている相談（2件）', '返事のない提案（1件）', '活動記録のない支援（1件）', 'しばらく依頼していない担い手（1件）']);

    // Requests waiting: the urgent one first, marked 緊急 in words; each links to its request.
    const waiting = entries(/^調整を待っている相談/);
    expect(waiting).toHaveLength(2);
    expect(within(waiting[0]).getByText('緊急')).toBeTruthy();
    expect(within(waiting[0]).getByRole('link', { name: '相談 42: 庄司 一郎さん' }).getAttribute('href')).toBe('/support/requests/42');
    expect(within(waiting[0]).getByText('緊急の相談です。受付から 0 日、担い手が決まっていません')).toBeTruthy();
    expect(waiting[0].textContent).toContain('地区: 庄司・困りごと: ゴミ出し・2026年11月22日から 0日');
    expect(within(waiting[1]).queryByText('緊急')).toBeNull();
    expect(within(waiting[1]).getByRole('link', { name: '相談 43: 高須 花子さん' }).getAttribute('href')).toBe('/support/requests/43');
    expect(waiting[1].textContent).toContain('地区: 高須');

    // A proposal and an activity: the request they belong to, with the supporter's name.
    const [proposal] = entries(/^返事のない提案/);
    expect(within(proposal).getByRole('link', { name: '相談 44: 庄司 二郎さん' }).getAttribute('href')).toBe('/support/requests/44');
    expect(proposal.textContent).toContain('提案から 4 日、担い手の返事がありません');
    expect(proposal.textContent).toContain('担い手: 佐藤 和子さん');
    const [activity] = entries(/^活動記録のない支援/);
    expect(within(activity).getByRole('link', { name: '相談 45: 庄司 三郎さん' }).getAttribute('href')).toBe('/support/requests/45');
    expect(activity.textContent).toContain('担い手: 鈴木 洋子さん');

    // An idle supporter: the supporters of their area (there is no page of one supporter).
    const [idle] = entries(/^しばらく依頼していない担い手/);
    expect(within(idle).getByRole('link', { name: '田中 一男さん' }).getAttribute('href')).toBe('/support/supporters?area=40102-takasu');
    expect(idle.textContent).toContain('120 日、依頼をしていません（お礼やお願いの連絡を）');
    expect(idle.textContent).toContain('地区: 高須');

    expect(screen.queryByText('対応が必要なものはありません')).toBeNull();
    expect(calls(sent, '/api/v1/follow-ups').map((r) => new URL(r.url).search)).toEqual(['']);
    // The menu's first entry is this page, with the count.
    const menu = screen.getByRole('navigation', { name: '生活支援のメニュー' });
    expect(within(menu).getAllByRole('link')[0]).toBe(within(menu).getByRole('link', { name: '要対応 5件' }));
  });

  it('says the thresholds in the descriptions, and a coordinator gets no form to change them', async () => {
    const { requests: sent } = backend({ settings: { ...defaults, proposalDays: 4 } });
    renderPage();

    await screen.findByText('対応が必要なもの 合計 5件');
    expect(within(section(/^返事のない提案/)).getByText(/4日以上返事のない提案です/)).toBeTruthy();
    expect(within(section(/^調整を待っている相談/)).getByText(/受付から5日以上、担い手が決まっていない相談です。緊急の相談は受付の日から出ます。/)).toBeTruthy();
    expect(within(section(/^活動記録のない支援/)).getByText(/毎週の支援は7日以上記録のないとき/)).toBeTruthy();
    expect(within(section(/^しばらく依頼していない担い手/)).getByText(/90日以上依頼をしていない/)).toBeTruthy();

    expect(screen.queryByText('しきい値の設定')).toBeNull();
    expect(screen.queryByRole('form', { name: 'しきい値の設定' })).toBeNull();
    expect(calls(sent, '/api/v1/follow-up-settings')).toEqual([]);
  });

  it('says so in each section with nothing to do', async () => {
    backend({ items: [everyKind[1]] });
    renderPage();

    await screen.findByText('対応が必要なもの 合計 1件');
    expect(entries(/^調整を待っている相談（1件）/)).toHaveLength(1);
    for (const name of [/^返事のない提案（0件）/, /^活動記録のない支援（0件）/, /^しばらく依頼していない担い手（0件）/]) {
      expect(within(section(name)).getByText('対応が必要なものはありません')).toBeTruthy();
      expect(within(section(name)).queryByRole('list')).toBeNull();
    }
  });

  it('shows one district when chosen, and opens an item with the keyboard', async () => {
    const user = userEvent.setup();
    const { requests: sent } = backend();
    renderPage();

    await screen.findByText('対応が必要なもの 合計 5件');
    const filter = screen.getByRole('combobox', { name: '地区' });
    await waitFor(() => expect(within(filter).getAllByRole('option').map((o) => o.textContent)).toEqual(['担当地区すべて', '高須', '庄司']));
    await user.selectOptions(filter, '高須');

    expect(await screen.findByText('対応が必要なもの 合計 2件')).toBeTruthy();
    expect(calls(sent, '/api/v1/follow-ups').at(-1)!.url).toContain('area=40102-takasu');
    expect(screen.getByRole('heading', { name: '返事のない提案（0件）' })).toBeTruthy();
    // The badge stays the count of all the caller's districts.
    expect(within(screen.getByRole('navigation', { name: '生活支援のメニュー' })).getByRole('link', { name: '要対応 5件' })).toBeTruthy();

    const link = within(section(/^調整を待っている相談/)).getByRole('link', { name: '相談 43: 高須 花子さん' });
    link.focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('相談のページ /support/requests/43')).toBeTruthy();
  });

  it('reads the queue again when asked, and the live count follows', async () => {
    const user = userEvent.setup();
    const items = [...everyKind];
    const { requests: sent } = backend({ items });
    renderPage();

    const total = await screen.findByText('対応が必要なもの 合計 5件');
    expect(total.getAttribute('aria-live')).toBe('polite');
    items.splice(0, 1);
    await user.click(screen.getByRole('button', { name: '最新の状態にする' }));
    await waitFor(() => expect(total.textContent).toBe('対応が必要なもの 合計 4件'));
    expect(calls(sent, '/api/v1/follow-ups')).toHaveLength(2);
    expect(screen.queryByText('緊急')).toBeNull();
  });

  it('asks viewers for nothing and sends them to the statistics', async () => {
    const { requests: sent } = backend({ me: viewer });
    renderPage();

    expect(await screen.findByText('地区の統計のページ /support/stats')).toBeTruthy();
    expect(sent.filter((r) => new URL(r.url).pathname.startsWith('/api/v1/follow-up'))).toEqual([]);
  });
});

describe('しきい値の設定 (ADMIN)', () => {
  const openForm = async (user: ReturnType<typeof userEvent.setup>) => {
    await user.click(await screen.findByText('しきい値の設定'));
    return screen.findByRole('form', { name: 'しきい値の設定' });
  };
  const field = (form: HTMLElement, label: RegExp) => within(form).getByLabelText<HTMLInputElement>(label);
  const puts = (sent: Request[]) => calls(sent, '/api/v1/follow-up-settings', 'PUT');

  it('is filled from the stored thresholds, sends the four numbers with the version, and the queue is counted again', async () => {
    const user = userEvent.setup();
    const { requests: sent } = backend({ me: admin });
    renderPage();

    const form = await openForm(user);
    expect(field(form, /^提案への返事を待つ日数/).value).toBe('3');
    expect(field(form, /^調整を待つ相談の日数/).value).toBe('5');
    expect(field(form, /^活動記録を待つ日数/).value).toBe('7');
    expect(field(form, /^依頼のない担い手の日数/).value).toBe('90');
    expect(within(form).getByText(/返事がなければ「返事のない提案」に出します（既定 3）/)).toBeTruthy();

    await user.clear(field(form, /^提案への返事を待つ日数/));
    await user.type(field(form, /^提案への返事を待つ日数/), '4');
    await user.clear(field(form, /^依頼のない担い手の日数/));
    await user.type(field(form, /^依頼のない担い手の日数/), '120');
    await user.click(within(form).getByRole('button', { name: 'しきい値を保存' }));

    expect(await within(form).findByText('しきい値を保存しました。要対応はこのしきい値で数え直します。')).toBeTruthy();
    expect(await puts(sent)[0].json()).toEqual({ proposalDays: 4, waitingDays: 5, activityGraceDays: 7, idleSupporterDays: 120, version: 2 });
    // The queue is read again: its descriptions say the new thresholds.
    expect(await within(section(/^返事のない提案/)).findByText(/4日以上返事のない提案です/)).toBeTruthy();
    expect(within(section(/^しばらく依頼していない担い手/)).getByText(/120日以上依頼をしていない/)).toBeTruthy();

    // A second change goes with the version the first one answered.
    await user.clear(field(form, /^活動記録を待つ日数/));
    await user.type(field(form, /^活動記録を待つ日数/), '10');
    await user.click(within(form).getByRole('button', { name: 'しきい値を保存' }));
    await waitFor(() => expect(puts(sent)).toHaveLength(2));
    expect(await puts(sent)[1].json()).toEqual({ proposalDays: 4, waitingDays: 5, activityGraceDays: 10, idleSupporterDays: 120, version: 3 });
  });

  it('says someone saved first on a 409, and saves over the newer thresholds after reloading', async () => {
    const user = userEvent.setup();
    const { requests: sent, state } = backend({ me: admin });
    renderPage();

    const form = await openForm(user);
    // Another administrator saves meanwhile.
    state.settings = { ...defaults, waitingDays: 2, version: 3 };
    await user.clear(field(form, /^提案への返事を待つ日数/));
    await user.type(field(form, /^提案への返事を待つ日数/), '4');
    await user.click(within(form).getByRole('button', { name: 'しきい値を保存' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain(CONFLICT_MESSAGE);
    expect(await puts(sent)[0].json()).toMatchObject({ proposalDays: 4, version: 2 });
    expect(within(form).queryByText(/しきい値を保存しました/)).toBeNull();

    await user.click(within(alert).getByRole('button', { name: '再読み込み' }));
    const fresh = await screen.findByRole('form', { name: 'しきい値の設定' });
    await waitFor(() => expect(field(fresh, /^調整を待つ相談の日数/).value).toBe('2'));
    expect(within(fresh).queryByRole('alert')).toBeNull();
    expect(field(fresh, /^提案への返事を待つ日数/).value).toBe('3');
    await user.clear(field(fresh, /^提案への返事を待つ日数/));
    await user.type(field(fresh, /^提案への返事を待つ日数/), '4');
    await user.click(within(fresh).getByRole('button', { name: 'しきい値を保存' }));

    expect(await within(fresh).findByText(/しきい値を保存しました/)).toBeTruthy();
    expect(await puts(sent)[1].json()).toEqual({ proposalDays: 4, waitingDays: 2, activityGraceDays: 7, idleSupporterDays: 90, version: 3 });
  });

  it('keeps a number that is not a whole number of days from being sent, and shows the server\'s word at its field', async () => {
    const user = userEvent.setup();
    const refusal = jsonResponse(
      { title: '入力内容に誤りがあります', status: 400, detail: '入力内容に誤りがあります。', errors: [{ field: 'updateFollowUpSettings.request.waitingDays', message: '0 以上で入力してください' }] },
      400,
    );
    const { requests: sent } = backend({ me: admin, refuse: refusal });
    renderPage();

    const form = await openForm(user);
    await user.clear(field(form, /^依頼のない担い手の日数/));
    await user.type(field(form, /^依頼のない担い手の日数/), '-1');
    await user.click(within(form).getByRole('button', { name: 'しきい値を保存' }));
    expect(await within(form).findByText('0〜3650 の整数で入力してください')).toBeTruthy();
    expect(field(form, /^依頼のない担い手の日数/).getAttribute('aria-invalid')).toBe('true');
    expect(puts(sent)).toEqual([]);

    await user.clear(field(form, /^依頼のない担い手の日数/));
    await user.type(field(form, /^依頼のない担い手の日数/), '90');
    await user.click(within(form).getByRole('button', { name: 'しきい値を保存' }));
    expect(await within(form).findByText('0 以上で入力してください')).toBeTruthy();
    expect(field(form, /^調整を待つ相談の日数/).getAttribute('aria-invalid')).toBe('true');
    expect(puts(sent)).toHaveLength(1);

    // 元に戻す puts back what is stored and clears the refusal.
    await user.click(within(form).getByRole('button', { name: '元に戻す' }));
    expect(within(form).queryByText('0 以上で入力してください')).toBeNull();
  });
});
