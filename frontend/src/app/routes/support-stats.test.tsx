import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { components } from '@/lib/api/schema';
import { areaOf, areasApi, city, coordinator, districtProfile, shoji, stats, takasu, viewer } from '@/testing/support-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportStatsRoute } from './support-stats';

type S = components['schemas'];

const ward: S['AreaRef'] = { code: '40101', name: '門司区', kind: 'WARD' };
const wakazono: S['AreaRef'] = { code: '40106-wakazono', name: '若園', kind: 'SCHOOL_DISTRICT' };
const tree = [
  areaOf(city, { parentCode: null, path: [] }),
  areaOf(ward),
  areaOf(takasu, { parentCode: ward.code, path: [city, ward] }),
  areaOf(shoji, { parentCode: ward.code, path: [city, ward] }),
  areaOf(wakazono, { path: [city] }),
  areaOf({ code: '40101-old', name: '旧校区', kind: 'SCHOOL_DISTRICT' }, { retired: true }),
];

type Profile = S['DistrictProfileResponse'];

/** 若園's profile of FY2020 as the report prints it: no line breaks, 《有償》. */
const wakazonoProfile = districtProfile({
  area: wakazono,
  counselors: 2,
  mainSupport: 'ゴミ出し、買い物代行を中心に支援',
  outcomes: '◎「生活支援サポーター」(22名) ◎見守り活動の充実 ◎連絡調整会議の充実',
  version: 0,
  updatedBy: 'demo',
});

/**
 * The API: the area tree, the years with records per area (`years`), the figures of any area and year, and the
 * districts' 取り組み概要 (`profiles`, kept as PUT changes them; `put` may answer a PUT instead, e.g. with a refusal).
 */
function backend(
  me: S['MeResponse'] = viewer,
  years: Record<string, number[]> = {},
  { profiles = [] as Profile[], put }: { profiles?: Profile[]; put?: (request: Request, stored: Profile[]) => Response | undefined } = {},
) {
  let stored = [...profiles];
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(me);
    const areas = areasApi(url, tree);
    if (areas) return areas;
    const code = url.searchParams.get('area') ?? '';
    const area = tree.find((a) => a.code === code);
    const ref = area ? { code: area.code, name: area.name, kind: area.kind } : stats.area;
    if (url.pathname === '/api/v1/support-stats/years') return jsonResponse({ area: ref, fiscalYears: years[code] ?? [2021, 2020] });
    if (url.pathname === '/api/v1/support-stats') {
      return jsonResponse({ ...stats, area: ref, fiscalYear: Number(url.searchParams.get('fiscalYear')) });
    }
    if (url.pathname === '/api/v1/support-stats/profiles') {
      const year = Number(url.searchParams.get('fiscalYear'));
      const under = (p: Profile) => p.area.code === code || tree.find((a) => a.code === p.area.code)?.path.some((x) => x.code === code);
      return jsonResponse({ items: stored.filter((p) => p.fiscalYear === year && under(p)) });
    }
    const one = /^\/api\/v1\/support-stats\/profiles\/([^/]+)\/(\d+)$/.exec(url.pathname);
    if (one && request.method === 'PUT') {
      const answer = put?.(request.clone(), stored);
      if (answer) return answer;
      const [district, year] = [decodeURIComponent(one[1]), Number(one[2])];
      const body = (await request.json()) as S['DistrictProfileRequest'];
      const old = stored.find((p) => p.area.code === district && p.fiscalYear === year);
      const a = tree.find((x) => x.code === district)!;
      const saved: Profile = {
        area: { code: a.code, name: a.name, kind: a.kind }, fiscalYear: year, counselors: body.counselors, mainSupport: body.mainSupport ?? null,
        payment: body.payment ?? null, outcomes: body.outcomes ?? null, version: old ? old.version + 1 : 0,
        updatedAt: '2026-11-22T11:00:00+09:00', updatedBy: me.subject,
      };
      stored = [...stored.filter((p) => p !== old), saved];
      return jsonResponse(saved);
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderAt(route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/support/stats" element={<SupportStatsRoute />} />
    </Routes>,
    { route },
  );
}

/** The clock at a moment in Japan (only Date: the page's timers run as usual). */
function todayIs(instant: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(instant));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('地区の統計', () => {
  it('shows the figures and the category shares with their % labels', async () => {
    const { requests } = backend();
    renderAt('/support/stats?area=40102-takasu&fiscalYear=2020');

    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和2年度 (2020)' })).toBeTruthy();
    expect(screen.getByTestId('consultations').textContent).toBe('761件');
    expect(screen.getByTestId('adjustments').textContent).toBe('910件');
    expect(screen.getByTestId('supporters-registered').textContent).toBe('32人');
    expect(screen.getByTestId('supporters-active').textContent).toBe('32人');
    // 延べ活動時間: the fiscal year's activity minutes (750) in hours and minutes.
    const minutes = screen.getByTestId('activity-minutes');
    expect(minutes.textContent).toBe('12時間30分');
    expect(minutes.previousElementSibling?.textContent).toBe('延べ活動時間');

    const chart = screen.getByRole('list', { name: '困りごとの種類別の割合' });
    const rows = within(chart).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual([
      'ゴミ出し37.4%284件', '掃除1.8%14件', '買い物同行0.7%5件', '通院同行0.4%3件', '買い物代行25.1%191件',
    ]);
    expect(rows.map((r) => (r.querySelector('.share-chart__bar') as HTMLElement).style.width)).toEqual(['37.4%', '1.8%', '0.7%', '0.4%', '25.1%']);

    const url = new URL(requests.find((r) => new URL(r.url).pathname === '/api/v1/support-stats')!.url);
    expect(url.searchParams.get('area')).toBe('40102-takasu');
    expect(url.searchParams.get('fiscalYear')).toBe('2020');
    // A viewer sees the statistics but not the coordinator's pages.
    expect(screen.queryByRole('link', { name: '新しい相談' })).toBeNull();
  });

  it('opens on the city and its latest year with records, offers every year that has them and this one, and switches the area', async () => {
    todayIs('2024-11-22T10:00:00+09:00');
    const { requests } = backend(viewer, { [city.code]: [2023, 2022, 2019], [takasu.code]: [2021] });
    renderAt('/support/stats');
    expect(await screen.findByRole('heading', { level: 2, name: '北九州市 令和5年度 (2023)' })).toBeTruthy();
    const year = screen.getByLabelText('年度') as HTMLSelectElement;
    expect(year.value).toBe('2023');
    expect(Array.from(year.options).map((o) => o.textContent)).toEqual(['令和6年度 (2024)', '令和5年度 (2023)', '令和4年度 (2022)', '令和元年度 (2019)']);
    const area = screen.getByLabelText('地域') as HTMLSelectElement;
    expect(Array.from(area.querySelectorAll('optgroup')).map((g) => g.label)).toEqual(['市', '区', '校区']);
    // Every area the API has, by kind; a retired district still has its past figures, and says it is retired.
    expect(Array.from(area.options).map((o) => o.textContent)).toEqual(['北九州市', '門司区', '高須', '庄司', '若園', '旧校区（廃止）']);

    await userEvent.selectOptions(year, '2022');
    expect(await screen.findByRole('heading', { level: 2, name: '北九州市 令和4年度 (2022)' })).toBeTruthy();
    await userEvent.selectOptions(area, takasu.code);
    // The year chosen stays, though 高須 has no records then: the list keeps it on offer.
    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和4年度 (2022)' })).toBeTruthy();
    expect(Array.from(year.options).map((o) => o.value)).toEqual(['2024', '2022', '2021']);
    const yearCalls = requests.filter((r) => r.url.includes('/support-stats/years')).map((r) => new URL(r.url).searchParams.get('area'));
    expect(yearCalls).toEqual([city.code, takasu.code]);
  });

  it('offers this fiscal year, as reckoned in Japan, to a district without any records yet, and opens on it', async () => {
    // 1 April 2027 00:30 in Tokyo, still 31 March in UTC: the new fiscal year has begun.
    todayIs('2027-03-31T15:30:00Z');
    const { requests } = backend(coordinator, { [takasu.code]: [] });
    renderAt('/support/stats');

    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和9年度 (2027)' })).toBeTruthy();
    const year = screen.getByLabelText('年度') as HTMLSelectElement;
    expect(year.disabled).toBe(false);
    expect(year.value).toBe('2027');
    expect(Array.from(year.options).map((o) => o.textContent)).toEqual(['令和9年度 (2027)']);
    const asked = requests.filter((r) => new URL(r.url).pathname === '/api/v1/support-stats').map((r) => new URL(r.url).searchParams.get('fiscalYear'));
    expect(asked).toEqual(['2027']);
  });

  it('keeps the years with records beside this one when this one has none yet', async () => {
    todayIs('2026-04-01T09:00:00+09:00');
    backend(coordinator, { [takasu.code]: [2025, 2023] });
    renderAt('/support/stats');

    // Opens on the latest year with figures; the new one is there to choose.
    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和7年度 (2025)' })).toBeTruthy();
    const year = screen.getByLabelText('年度') as HTMLSelectElement;
    expect(Array.from(year.options).map((o) => o.textContent)).toEqual(['令和8年度 (2026)', '令和7年度 (2025)', '令和5年度 (2023)']);
    await userEvent.selectOptions(year, '2026');
    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和8年度 (2026)' })).toBeTruthy();
  });

  it("offers a coordinator their own districts alone, opening on the first", async () => {
    const { requests } = backend(coordinator, { [takasu.code]: [2024, 2023] });
    renderAt('/support/stats');
    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和6年度 (2024)' })).toBeTruthy();
    const area = screen.getByLabelText('地域') as HTMLSelectElement;
    expect(Array.from(area.querySelectorAll('optgroup')).map((g) => g.label)).toEqual(['担当地区']);
    expect(Array.from(area.options).map((o) => o.textContent)).toEqual(['高須', '庄司']);
    // The city's other areas are not even asked for.
    expect(requests.some((r) => new URL(r.url).searchParams.has('kind'))).toBe(false);

    await userEvent.selectOptions(area, shoji.code);
    expect(await screen.findByRole('heading', { level: 2, name: /^庄司 / })).toBeTruthy();
  });

  it("keeps a coordinator on their own districts when the address names another area", async () => {
    backend(coordinator, { [takasu.code]: [2024] });
    renderAt(`/support/stats?area=${city.code}`);
    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和6年度 (2024)' })).toBeTruthy();
    const area = screen.getByLabelText('地域') as HTMLSelectElement;
    expect(area.value).toBe(takasu.code);
    expect(Array.from(area.options).map((o) => o.value)).toEqual([takasu.code, shoji.code]);
  });

  it('gives a coordinator who also reads the whole city (VIEWER) every area, their own first', async () => {
    backend({ ...coordinator, roles: ['COORDINATOR', 'VIEWER'] }, { [takasu.code]: [2024] });
    renderAt('/support/stats');
    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和6年度 (2024)' })).toBeTruthy();
    const area = screen.getByLabelText('地域') as HTMLSelectElement;
    await waitFor(() => expect(Array.from(area.querySelectorAll('optgroup')).map((g) => g.label)).toEqual(['担当地区', '市', '区', '校区']));
    expect(Array.from(area.options).map((o) => o.textContent)).toEqual(['高須', '庄司', '北九州市', '門司区', '若園', '旧校区（廃止）']);
  });

  it('tells a coordinator without districts to ask for them', async () => {
    backend({ ...coordinator, districts: [] });
    renderAt('/support/stats');
    expect(await screen.findByText('担当地区が設定されていません。管理者に担当地区の設定を依頼してください。')).toBeTruthy();
    expect(screen.queryByLabelText('地域')).toBeNull();
  });

  it('says so when there were no consultations, and shows 「—」 for the 相談員 of districts without a profile', async () => {
    mockFetch((request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/v1/me') return jsonResponse(viewer);
      if (path === '/api/v1/support-stats/profiles') return jsonResponse({ items: [] });
      return jsonResponse({ ...stats, consultations: 0, adjustments: 0, categoryShares: [], headingShares: [], counselors: null });
    });
    renderAt('/support/stats?area=40102-takasu&fiscalYear=2021');
    expect(await screen.findByText('この年度の相談はありません。')).toBeTruthy();
    expect(screen.getByTestId('counselors').textContent).toBe('—');
    expect(screen.queryByRole('table', { name: '報告の見出し別の割合' })).toBeNull();
    expect(await screen.findByText('この年度の取り組み概要はまだありません。')).toBeTruthy();
    // A viewer writes no profile.
    expect(screen.queryByRole('button', { name: /取り組み概要を追加/ })).toBeNull();
  });

  it('shows the shares under the report headings beside the categories, naming the categories each sums, and the 相談員', async () => {
    backend();
    renderAt('/support/stats?area=40102-takasu&fiscalYear=2020');
    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和2年度 (2020)' })).toBeTruthy();
    expect(screen.getByTestId('counselors').textContent).toBe('2名');
    expect(screen.getByText('地域生活支援相談員', { selector: 'dt' })).toBeTruthy();

    expect(screen.getByRole('heading', { level: 3, name: '報告の見出し別の割合' })).toBeTruthy();
    const table = screen.getByRole('table', { name: '報告の見出し別の割合' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['見出し', 'まとめた種類', '割合', '件数']);
    const rows = within(table).getAllByTestId('heading-share');
    expect(rows.map((r) => Array.from((r as HTMLTableRowElement).cells).map((c) => c.textContent))).toEqual([
      ['ゴミ出し', 'ゴミ出し', '37.4%', '284件'],
      ['掃除', '掃除', '1.8%', '14件'],
      ['同行（買物・通院等）', '買い物同行、通院同行', '1.1%', '8件'],
      ['代行（買物等）', '買い物代行', '25.1%', '191件'],
    ]);
    // The same bars as the category chart; the figure is in the text.
    expect(rows.map((r) => (r.querySelector('.share-chart__bar') as HTMLElement).style.width)).toEqual(['37.4%', '1.8%', '1.1%', '25.1%']);
    expect(within(table).getByRole('rowheader', { name: '合計' }).closest('tr')!.textContent).toBe('合計100%497件');
    // Nothing in it takes the keyboard, so its scrolling wrap does.
    expect(screen.getByRole('region', { name: '報告の見出し別の割合' }).tabIndex).toBe(0);
  });

  it('lists the 取り組み概要 of the districts in the area for the year, outcomes as written', async () => {
    const { requests } = backend(viewer, {}, {
      profiles: [districtProfile(), wakazonoProfile, districtProfile({ fiscalYear: 2021, counselors: 3 }), districtProfile({ area: shoji, counselors: 5, payment: null, mainSupport: null, outcomes: null })],
    });
    renderAt(`/support/stats?area=${city.code}&fiscalYear=2020`);
    expect(await screen.findByRole('heading', { level: 2, name: '校区の取り組み概要' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: '校区の取り組み概要（3校区）' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['校(地)区', '相談員', '主な生活支援', '有償・無償', '成果']);
    const cells = within(table).getAllByTestId('district-profile').map((r) => Array.from((r as HTMLTableRowElement).cells).map((c) => c.textContent));
    expect(cells).toEqual([
      ['高須', '2名', 'ゴミ出し、掃除、買い物、通院同行 他', '《有償》', districtProfile().outcomes],
      ['若園', '2名', 'ゴミ出し、買い物代行を中心に支援', '《有償》', '◎「生活支援サポーター」(22名) ◎見守り活動の充実 ◎連絡調整会議の充実'],
      ['庄司', '5名', '—', '—', '—'],
    ]);
    // The line breaks and ◎ marks stay as written.
    expect(cells[0][4]).toContain('(32名)\n◎見守り活動の充実\n');
    expect(within(table).getByText(/たかすちよこっと応援タイ/).className).toContain('profile-text');
    const call = new URL(requests.find((r) => new URL(r.url).pathname === '/api/v1/support-stats/profiles')!.url);
    expect(Object.fromEntries(call.searchParams)).toEqual({ area: city.code, fiscalYear: '2020' });
    // A viewer changes nothing here.
    expect(within(table).queryByRole('button')).toBeNull();
    expect(screen.getByRole('region', { name: '校区の取り組み概要（3校区）' }).tabIndex).toBe(0);
  });

  it("lets a coordinator edit their own district's profile, sending the version it was read at", async () => {
    const { requests } = backend(coordinator, { [takasu.code]: [2020] }, { profiles: [districtProfile()] });
    const user = userEvent.setup();
    renderAt('/support/stats');
    const table = await screen.findByRole('table', { name: '校区の取り組み概要（1校区）' });
    // 庄司 has none for the year either, but the page shows 高須: nothing to add here.
    expect(screen.queryByRole('button', { name: /取り組み概要を追加/ })).toBeNull();
    await user.click(within(table).getByRole('button', { name: '「高須」の取り組み概要を編集' }));

    const form = screen.getByRole('form', { name: '「高須」の取り組み概要を編集' });
    await waitFor(() => expect(document.activeElement).toBe(within(form).getByRole('heading', { level: 3 })));
    const counselors = within(form).getByLabelText(/^相談員/) as HTMLInputElement;
    expect(counselors.value).toBe('2');
    expect((within(form).getByLabelText(/^主な生活支援/) as HTMLInputElement).value).toBe('ゴミ出し、掃除、買い物、通院同行 他');
    const payment = within(form).getByLabelText(/^有償・無償/) as HTMLSelectElement;
    expect(payment.value).toBe('PAID');
    expect(Array.from(payment.options).map((o) => o.textContent)).toEqual(['有償', '無償', '両方（有償・無償）', '未定']);
    const outcomes = within(form).getByLabelText(/^成果/) as HTMLTextAreaElement;
    expect(outcomes.value).toBe(districtProfile().outcomes);

    await user.clear(counselors);
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    expect(within(form).getByText('必須項目です（いなければ 0）')).toBeTruthy();
    expect(counselors.getAttribute('aria-invalid')).toBe('true');
    await user.type(counselors, '3');
    await user.selectOptions(payment, 'BOTH');
    await user.type(outcomes, '{Enter}◎移動販売を開始');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));

    expect(await screen.findByText('「高須」の取り組み概要を保存しました。')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/v1/support-stats/profiles/40102-takasu/2020');
    expect(await put.json()).toEqual({
      counselors: 3,
      mainSupport: 'ゴミ出し、掃除、買い物、通院同行 他',
      payment: 'BOTH',
      outcomes: `${districtProfile().outcomes}\n◎移動販売を開始`,
      version: 3,
    });
    expect(screen.queryByRole('form')).toBeNull();
    const row = await screen.findByRole('rowheader', { name: '高須' });
    await waitFor(() => expect(row.closest('tr')!.textContent).toContain('3名'));
    expect(row.closest('tr')!.textContent).toContain('有償・無償');
    // The figures are read again: the 相談員 count is one of them.
    await waitFor(() => expect(requests.filter((r) => new URL(r.url).pathname === '/api/v1/support-stats')).toHaveLength(2));
  });

  it("offers a coordinator no edit for another district's profile", async () => {
    backend({ ...coordinator, roles: ['COORDINATOR', 'VIEWER'] }, { [takasu.code]: [2020] }, { profiles: [districtProfile(), wakazonoProfile] });
    renderAt(`/support/stats?area=${city.code}&fiscalYear=2020`);
    const table = await screen.findByRole('table', { name: '校区の取り組み概要（2校区）' });
    const rowOf = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!;
    expect(within(rowOf('高須')).getByRole('button', { name: '「高須」の取り組み概要を編集' })).toBeTruthy();
    expect(within(rowOf('若園')).queryByRole('button')).toBeNull();
    // Their other district, 庄司, has none for the year: it may be added; 若園 may not.
    await waitFor(() => expect(screen.getByRole('button', { name: '「庄司」の取り組み概要を追加' })).toBeTruthy());
  });

  it('lets a coordinator add the profile of their district that has none for the year (no version)', async () => {
    const { requests } = backend(coordinator, { [takasu.code]: [2020] }, { profiles: [districtProfile()] });
    const user = userEvent.setup();
    renderAt(`/support/stats?area=${shoji.code}&fiscalYear=2020`);
    expect(await screen.findByText('この年度の取り組み概要はまだありません。')).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: '「庄司」の取り組み概要を追加' }));
    const form = screen.getByRole('form', { name: '取り組み概要を追加' });
    expect(within(form).getByText('令和2年度 (2020)・庄司')).toBeTruthy();
    // One district to write for: no choice to make.
    expect(within(form).queryByLabelText(/^校区/)).toBeNull();
    await user.type(within(form).getByLabelText(/^相談員/), '5');
    await user.selectOptions(within(form).getByLabelText(/^有償・無償/), 'UNPAID');
    await user.type(within(form).getByLabelText(/^主な生活支援/), 'ゴミ出し、掃除、買い物、通院同行 他');
    await user.type(within(form).getByLabelText(/^成果/), '◎「お助け隊」(37名)の立上げ');
    await user.click(within(form).getByRole('button', { name: '追加する' }));

    expect(await screen.findByText('「庄司」の取り組み概要を追加しました。')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/v1/support-stats/profiles/40101-shoji/2020');
    expect(await put.json()).toEqual({ counselors: 5, mainSupport: 'ゴミ出し、掃除、買い物、通院同行 他', payment: 'UNPAID', outcomes: '◎「お助け隊」(37名)の立上げ' });
    const table = await screen.findByRole('table', { name: '校区の取り組み概要（1校区）' });
    expect(within(table).getByRole('rowheader', { name: '庄司' }).closest('tr')!.textContent).toContain('《無償》');
    expect(screen.queryByRole('button', { name: /取り組み概要を追加/ })).toBeNull();
  });

  it('shows the API’s field errors at the fields', async () => {
    backend(coordinator, { [takasu.code]: [2020] }, {
      profiles: [districtProfile()],
      put: () =>
        jsonResponse(
          {
            type: '/problems/validation', title: '入力内容に誤りがあります', status: 400, detail: '入力内容を確認してください。',
            errors: [{ field: 'putDistrictProfile.request.counselors', message: '999 以下にしてください' }, { field: 'putDistrictProfile.request.outcomes', message: '4000 文字以内にしてください' }],
          },
          400,
        ),
    });
    const user = userEvent.setup();
    renderAt('/support/stats');
    await user.click(await screen.findByRole('button', { name: '「高須」の取り組み概要を編集' }));
    const form = screen.getByRole('form', { name: '「高須」の取り組み概要を編集' });
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    const counselors = within(form).getByLabelText(/^相談員/);
    await waitFor(() => expect(counselors.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(counselors.getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent).toBe('999 以下にしてください');
    expect(within(form).getByLabelText(/^成果/).getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('4000 文字以内にしてください')).toBeTruthy();
    // The alert gives the detail, not the field messages again.
    expect(within(form).getByRole('alert').textContent).toBe('入力内容を確認してください。');
  });

  it('offers to read the profile again when someone saved it first (409), and then sends the new version', async () => {
    let refuse = true;
    const { requests } = backend(coordinator, { [takasu.code]: [2020] }, {
      profiles: [districtProfile()],
      put: (_request, stored) => {
        if (!refuse) return undefined;
        refuse = false;
        // Someone else saved first: 3 相談員 now, version 4.
        stored.splice(0, 1, districtProfile({ counselors: 3, version: 4 }));
        return jsonResponse({ type: '/problems/stale-version', title: '競合しています', status: 409, detail: '「高須」の取り組み概要は他の人が更新しました。' }, 409);
      },
    });
    const user = userEvent.setup();
    renderAt('/support/stats');
    await user.click(await screen.findByRole('button', { name: '「高須」の取り組み概要を編集' }));
    let form = screen.getByRole('form', { name: '「高須」の取り組み概要を編集' });
    await user.type(within(form).getByLabelText(/^主な生活支援/), '・見守り');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    expect(await within(form).findByText('他の人が先に更新しました。再読み込みしてください')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: '再読み込み' }));

    // Read again, the form starts afresh from the saved profile; saving now names its version.
    form = await screen.findByRole('form', { name: '「高須」の取り組み概要を編集' });
    await waitFor(() => expect((within(form).getByLabelText(/^相談員/) as HTMLInputElement).value).toBe('3'));
    expect(within(form).queryByRole('button', { name: '再読み込み' })).toBeNull();
    expect(within(screen.getByRole('table', { name: '校区の取り組み概要（1校区）' })).getByText('3名')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    expect(await screen.findByText('「高須」の取り組み概要を保存しました。')).toBeTruthy();
    const puts = requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect((await puts[0].json()).version).toBe(3);
    expect(await puts[1].json()).toEqual({ counselors: 3, mainSupport: 'ゴミ出し、掃除、買い物、通院同行 他', payment: 'PAID', outcomes: districtProfile().outcomes, version: 4 });
  });

  it('turns an add into an edit when someone added the district’s profile first', async () => {
    const { requests } = backend(coordinator, {}, {
      put: (_request, stored) => {
        if (stored.length > 0) return undefined;
        stored.push(districtProfile({ area: shoji, counselors: 5, payment: 'UNPAID', version: 0 }));
        return jsonResponse(
          { type: '/problems/validation', title: '入力内容に誤りがあります', status: 400, detail: '入力内容を確認してください。', errors: [{ field: 'version', message: '変更には読み込んだときの版（version）が必要です' }] },
          400,
        );
      },
    });
    const user = userEvent.setup();
    renderAt(`/support/stats?area=${shoji.code}&fiscalYear=2020`);
    await user.click(await screen.findByRole('button', { name: '「庄司」の取り組み概要を追加' }));
    let form = screen.getByRole('form', { name: '取り組み概要を追加' });
    await user.type(within(form).getByLabelText(/^相談員/), '4');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    await user.click(await within(form).findByRole('button', { name: '再読み込み' }));
    form = await screen.findByRole('form', { name: '「庄司」の取り組み概要を編集' });
    expect((within(form).getByLabelText(/^相談員/) as HTMLInputElement).value).toBe('5');
    await user.click(within(form).getByRole('button', { name: '変更を保存' }));
    expect(await screen.findByText('「庄司」の取り組み概要を保存しました。')).toBeTruthy();
    expect((await requests.filter((r) => r.method === 'PUT')[1].json()).version).toBe(0);
  });

  it('lets an admin add a profile for any district under the area, choosing which', async () => {
    const { requests } = backend({ ...viewer, subject: 'admin', roles: ['ADMIN'] }, {}, { profiles: [districtProfile()] });
    const user = userEvent.setup();
    renderAt(`/support/stats?area=${ward.code}&fiscalYear=2020`);
    const table = await screen.findByRole('table', { name: '校区の取り組み概要（1校区）' });
    expect(within(table).getByRole('button', { name: '「高須」の取り組み概要を編集' })).toBeTruthy();
    // Under 門司区: 高須 has one; 庄司 may get one (若園 is elsewhere, 旧校区 is retired).
    await user.click(await screen.findByRole('button', { name: '「庄司」の取り組み概要を追加' }));
    const form = screen.getByRole('form', { name: '取り組み概要を追加' });
    await user.type(within(form).getByLabelText(/^相談員/), '０');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(await screen.findByText('「庄司」の取り組み概要を追加しました。')).toBeTruthy();
    expect(await requests.find((r) => r.method === 'PUT')!.json()).toEqual({ counselors: 0, mainSupport: null, payment: null, outcomes: null });
  });

  it('asks which district when the caller may add several', async () => {
    backend({ ...viewer, subject: 'admin', roles: ['ADMIN'] }, {}, { profiles: [] });
    const user = userEvent.setup();
    renderAt(`/support/stats?area=${ward.code}&fiscalYear=2020`);
    await user.click(await screen.findByRole('button', { name: '取り組み概要を追加' }));
    const form = screen.getByRole('form', { name: '取り組み概要を追加' });
    const district = within(form).getByLabelText(/^校区/) as HTMLSelectElement;
    expect(Array.from(district.options).map((o) => o.textContent)).toEqual(['選んでください', '高須', '庄司']);
    await user.type(within(form).getByLabelText(/^相談員/), '1');
    await user.click(within(form).getByRole('button', { name: '追加する' }));
    expect(within(form).getByText('校区を選んでください')).toBeTruthy();
    await user.click(within(form).getByRole('button', { name: 'キャンセル' }));
    expect(screen.queryByRole('form')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: '取り組み概要を追加' })));
  });
});
