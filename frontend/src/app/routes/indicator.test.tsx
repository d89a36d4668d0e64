import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { consultations, meetings, seriesRow, statRule, supportStatsSource, surveySource, value, valueChange } from '@/testing/indicator-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { IndicatorRoute } from './indicator';

const plan = {
  code: 'kitakyushu-ikiiki2', title: '第2次北九州市いきいき長寿プラン', kind: 'ELDERLY_CARE_INSURANCE',
  city: { code: '40100', name: '北九州市', kind: 'CITY' }, periodStart: 2021, periodEnd: 2023, vision: null, status: 'ACTIVE',
  levels: [], actors: [], gradeThresholds: { a: 100, b: 80, c: 50 }, linkedPlans: [], version: 0,
};

function me(roles: string[]) {
  return { subject: 'u', displayName: 'u', kind: 'USER', roles, scopes: [], districts: [] };
}

function backend(roles: string[], onPut: (request: Request) => Response | Promise<Response> = () => jsonResponse(meetings())) {
  let current = meetings();
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(me(roles));
    if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2') return jsonResponse(plan);
    if (url.pathname === '/api/v1/support-stat-rules') return jsonResponse({ items: [] });
    if (url.pathname === '/api/v1/indicator-definitions') return jsonResponse({ items: [] });
    if (url.pathname === '/api/v1/support-categories') return jsonResponse([]);
    if (url.pathname === '/api/v1/indicators/kitakyushu-ikiiki2-63-1' && request.method === 'GET') return jsonResponse(current);
    if (url.pathname === '/api/v1/indicators/kitakyushu-ikiiki2-63-1/history') return jsonResponse({ items: [] });
    if (url.pathname.startsWith('/api/v1/indicators/kitakyushu-ikiiki2-63-1/values/') && request.method === 'PUT') {
      const response = await onPut(request);
      if (response.ok) current = await response.clone().json();
      return response;
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/indicators/:code" element={<IndicatorRoute />} />
    </Routes>,
    { route: '/indicators/kitakyushu-ikiiki2-63-1' },
  );
}

describe('指標', () => {
  it('shows the header, the derived table and, for a planner, saves a typed actual', async () => {
    const saved = meetings({
      values: [...meetings().values, value(2023, 'ACTUAL', 1600, { version: 9 })],
      series: [
        seriesRow(2022, { actual: 1305, targetInForce: 1530, achievementRate: 85.3, grade: 'B' }),
        seriesRow(2023, { actual: 1600, targetInForce: 1530, achievementRate: 104.6, grade: 'A' }),
      ],
    });
    const { requests } = backend(['PLANNER'], () => jsonResponse(saved));
    const user = userEvent.setup();
    renderPage();

    await screen.findByRole('heading', { level: 1, name: '地域会合等への参加（回数）' });
    expect(screen.getByText('維持')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '指標設定の考え方' })).toBeTruthy();
    const series = screen.getByRole('table', { name: '達成状況' });
    const fy2022 = within(series).getByRole('rowheader', { name: '令和4年度 (2022)' }).closest('tr')!;
    expect(within(fy2022).getByLabelText('評価 B')).toBeTruthy();
    expect(fy2022.textContent).toContain('85.3%');

    // Years: 2019 (baseline) to the end of the plan.
    const input = await screen.findByLabelText('令和5年度 (2023) 実績値');
    expect(screen.getByLabelText('令和元年度 (2019) 基準値')).toHaveProperty('value', '1530');
    expect(screen.getByLabelText('令和5年度 (2023) 目標値')).toHaveProperty('value', '現状維持');
    await user.type(input, '1,600{Enter}');

    const gradeA = await within(screen.getByRole('table', { name: '達成状況' })).findByLabelText('評価 A');
    expect(within(gradeA.closest('tr')!).getByRole('rowheader').textContent).toBe('令和5年度 (2023)');
    expect(screen.getByLabelText('令和5年度 (2023) 実績値')).toHaveProperty('value', '1600');
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/v1/indicators/kitakyushu-ikiiki2-63-1/values/2023');
    expect(await put.json()).toEqual({ kind: 'ACTUAL', option: null, value: 1600, marker: null, version: null });
  });

  it('sends the cell version, a chosen marker, and explains a conflict', async () => {
    const { requests } = backend(['PLANNER'], () => jsonResponse({ status: 409, title: 'Conflict', detail: 'version mismatch' }, 409));
    const user = userEvent.setup();
    renderPage();
    await user.selectOptions(await screen.findByLabelText('令和4年度 (2022) 実績値の記号'), '***');
    expect((await screen.findByRole('alert')).textContent).toContain('他の人が先に更新しました。再読み込みしてください');
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(await put.json()).toEqual({ kind: 'ACTUAL', option: null, value: null, marker: 'NOT_APPLICABLE', version: 4 });
  });

  it('shows the detail of a 422 next to the grid, and a typing error next to the cell', async () => {
    const detail = '合計 500 が内訳の和 356 と一致しません';
    const { requests } = backend(['ADMIN'], () => jsonResponse({ status: 422, title: '合計が内訳の和と一致しません', detail }, 422));
    const user = userEvent.setup();
    renderPage();
    const cell = await screen.findByLabelText('令和3年度 (2021) 実績値');
    await user.clear(cell);
    await user.type(cell, 'たくさん{Enter}');
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('数値、または記号を入力してください')).toBeTruthy();
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);

    await user.clear(cell);
    await user.type(cell, '500{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain(detail);
  });

  it('shows values without inputs to a viewer', async () => {
    backend(['VIEWER']);
    renderPage();
    const grid = await screen.findByRole('table', { name: /年度別の基準値・目標値・実績値/ });
    expect(within(grid).queryAllByRole('textbox')).toHaveLength(0);
    expect(grid.textContent).toContain('1,305');
    expect(grid.textContent).toContain('現状維持');
  });
});

const seikatsu = {
  ...plan, code: 'kitakyushu-seikatsu', title: '地域生活支援活動推進事業（北九州市社会福祉協議会）', kind: 'COMMUNITY_WELFARE_ACTIVITY',
  periodStart: 2020, periodEnd: 2022,
};
const categories = [
  { id: 1, code: 'GARBAGE', name: 'ゴミ出し', requiresVehicle: false },
  { id: 2, code: 'BULKY_WASTE', name: '粗大ごみ', requiresVehicle: true },
];
type Indicator = ReturnType<typeof consultations>;
type Rule = ReturnType<typeof statRule>;

/** The API as the 地域生活支援 indicators see it: a rule list, categories, and a handler for the writes. */
function derivedBackend(
  roles: string[],
  start: { indicator: Indicator; rules: Rule[] },
  onWrite: (request: Request, url: URL) => Response | Promise<Response> = () => jsonResponse({ status: 404 }, 404),
) {
  const state = { ...start };
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(me(roles));
    if (url.pathname === '/api/v1/plans/kitakyushu-seikatsu') return jsonResponse(seikatsu);
    if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2') return jsonResponse(plan);
    if (url.pathname === '/api/v1/support-categories') return jsonResponse(categories);
    if (url.pathname === '/api/v1/support-stat-rules') return jsonResponse({ items: state.rules });
    if (url.pathname === '/api/v1/indicator-definitions') return jsonResponse({ items: [] });
    if (url.pathname === `/api/v1/indicators/${state.indicator.code}` && request.method === 'GET') return jsonResponse(state.indicator);
    if (url.pathname === `/api/v1/indicators/${state.indicator.code}/history`) return jsonResponse({ items: [] });
    const response = await onWrite(request, url);
    if (response.ok && url.pathname.endsWith('/support-stat-rule')) {
      if (request.method === 'DELETE') {
        state.rules = [];
        state.indicator = { ...state.indicator, values: state.indicator.values.filter((v) => v.source === null) };
      } else {
        state.rules = [await response.clone().json()];
      }
    }
    return response;
  });
}

function renderIndicator(code: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/indicators/:code" element={<IndicatorRoute />} />
    </Routes>,
    { route: `/indicators/${code}` },
  );
}

describe('指標: 算出された値と支援統計の規則', () => {
  it('marks the counted actual, keeps it read-only with the reason, and names the rule', async () => {
    const { requests } = derivedBackend(['PLANNER'], { indicator: consultations(), rules: [statRule()] });
    const user = userEvent.setup();
    renderIndicator('kitakyushu-seikatsu-consultations');

    const cell = (await screen.findByLabelText('令和2年度 (2020) 実績値')) as HTMLInputElement;
    await waitFor(() => expect(cell.readOnly).toBe(true));
    expect(cell.value).toBe('761');
    expect(cell.title).toContain('北九州市（40100）の相談件数から自動集計した値のため、ここでは変更できません');
    expect(cell.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(cell.getAttribute('aria-describedby')!)!.textContent).toContain('ここでは変更できません');
    expect(screen.queryByLabelText('令和2年度 (2020) 実績値の記号')).toBeNull();

    const td = cell.closest('td')!;
    const badge = within(td).getByRole('link', { name: '支援統計から自動集計' });
    expect(badge.getAttribute('href')).toBe('/support/stats?area=40100&fiscalYear=2020');
    expect(td.textContent).toContain('北九州市（40100）の相談件数');

    // Other years' actuals are written by the rule too; targets are typed as before.
    expect((screen.getByLabelText('令和3年度 (2021) 実績値') as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText('令和3年度 (2021) 目標値') as HTMLInputElement).readOnly).toBe(false);

    const series = screen.getByRole('table', { name: '達成状況' });
    const fy2020 = within(series).getByRole('rowheader', { name: '令和2年度 (2020)' }).closest('tr')!;
    expect(within(fy2020).getByRole('link', { name: /^支援統計から自動集計/ }).getAttribute('href')).toBe('/support/stats?area=40100&fiscalYear=2020');

    expect(screen.getByTestId('stat-rule').textContent).toContain('実績値は北九州市（40100）の相談件数から年度ごとに自動集計しています');

    await user.type(cell, '5{Enter}');
    expect(cell.value).toBe('761');
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('links an actual computed from a survey to the survey, for a viewer too', async () => {
    const share = meetings({
      code: 'kumamoto-5th-iv-3', planCode: 'kitakyushu-ikiiki2', name: '孤独感の程度が高い市民の割合', unit: '%',
      values: [value(2023, 'ACTUAL', 37.4, { source: surveySource('kumamoto-r6') })],
      series: [seriesRow(2023, { actual: 37.4 })],
    });
    derivedBackend(['VIEWER'], { indicator: share, rules: [] });
    renderIndicator('kumamoto-5th-iv-3');

    const grid = await screen.findByRole('table', { name: /年度別の基準値・目標値・実績値/ });
    const badge = within(grid).getByRole('link', { name: 'アンケートから算出' });
    expect(badge.getAttribute('href')).toBe('/surveys/kumamoto-r6');
    expect(badge.closest('td')!.textContent).toContain('37.4');
    expect(screen.getByTestId('derived-note').textContent).toContain('元のデータから算出した値です。');
    // A viewer sees no rule section when there is no rule.
    await waitFor(() => expect(screen.queryByRole('heading', { name: '実績値の自動集計（支援統計）' })).toBeNull());
  });

  it('offers the plan\'s city and the areas below it as the rule\'s 地域, retired ones left out', async () => {
    const tree = {
      code: '40100', name: '市', kana: 'し', kind: 'CITY', retired: false,
      children: [
        { code: '40101', name: '東区', kana: 'ひがしく', kind: 'WARD', retired: false, children: [
          { code: '40101-a', name: 'あさひ', kana: 'あさひ', kind: 'SCHOOL_DISTRICT', retired: false, children: [] },
          { code: '40101-b', name: 'もみじ', kana: 'もみじ', kind: 'SCHOOL_DISTRICT', retired: true, children: [] },
        ] },
      ],
    };
    const { requests } = derivedBackend(['PLANNER'], { indicator: consultations({ values: [], series: [] }), rules: [] }, (request, url) =>
      url.pathname === '/api/v1/areas/40100/subtree'
        ? jsonResponse(tree)
        : request.method === 'PUT'
          ? jsonResponse(statRule({ source: supportStatsSource('40101-a', 'CONSULTATIONS') }))
          : jsonResponse({ status: 404 }, 404),
    );
    const user = userEvent.setup();
    renderIndicator('kitakyushu-seikatsu-consultations');

    await user.click(await screen.findByText('実績値を支援統計から自動集計する'));
    const form = screen.getByRole('form', { name: '支援統計からの自動集計' });
    const area = (await within(form).findByRole('combobox', { name: /^地域/ })) as HTMLSelectElement;
    expect(area.value).toBe('40100');
    expect(Array.from(area.options).filter((o) => o.value).map((o) => o.textContent)).toEqual(['市', '　東区', '　　あさひ']);
    await user.selectOptions(area, '40101-a');
    await user.click(within(form).getByRole('button', { name: '自動集計を設定する' }));
    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    expect(await requests.find((r) => r.method === 'PUT')!.json()).toEqual({ areaCode: '40101-a', statistic: 'CONSULTATIONS', categoryCode: null });
  });

  it('lets a planner set a rule: counts for a 件 indicator, and shows a refusal by its field', async () => {
    let answer: Response = jsonResponse(
      { type: '/problems/area-not-found', title: '見つかりません', status: 404, detail: '地域「小倉」は見つかりません。' },
      404,
    );
    // The city's area tree is not served here: the 地域 is then typed (a code or a name).
    const { requests } = derivedBackend(['PLANNER'], { indicator: consultations({ values: [], series: [] }), rules: [] }, (request) =>
      request.method === 'GET' ? jsonResponse({ status: 404 }, 404) : answer,
    );
    const user = userEvent.setup();
    renderIndicator('kitakyushu-seikatsu-consultations');

    await user.click(await screen.findByText('実績値を支援統計から自動集計する'));
    const form = screen.getByRole('form', { name: '支援統計からの自動集計' });
    const area = within(form).getByLabelText(/^地域/) as HTMLInputElement;
    expect(area.value).toBe('40100');
    const statistic = within(form).getByLabelText(/^統計/) as HTMLSelectElement;
    expect(Array.from(statistic.options).map((o) => o.textContent)).toEqual(['相談件数', '需給調整件数', '登録している担い手', '活動中の担い手', '地域生活支援相談員']);
    expect(within(form).queryByLabelText(/^困りごとの種類/)).toBeNull();

    await user.clear(area);
    await user.type(area, '小倉');
    await user.selectOptions(statistic, 'ADJUSTMENTS');
    await user.click(within(form).getByRole('button', { name: '自動集計を設定する' }));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('見つかりません');
    expect(alert.textContent).toContain('地域「小倉」は見つかりません。');
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(await requests.find((r) => r.method === 'PUT')!.json()).toEqual({ areaCode: '小倉', statistic: 'ADJUSTMENTS', categoryCode: null });

    answer = jsonResponse(statRule({ statistic: 'ADJUSTMENTS', source: supportStatsSource('40100', 'ADJUSTMENTS') }));
    await user.clear(area);
    await user.type(area, '40100');
    await user.click(within(form).getByRole('button', { name: '自動集計を設定する' }));
    expect(await screen.findByText('実績値を北九州市（40100）の需給調整件数から自動集計します。相談や調整の記録が変わるたびに更新されます。')).toBeTruthy();
    expect((await screen.findByTestId('stat-rule')).textContent).toContain('北九州市（40100）の需給調整件数');
  });

  it('offers only 種類別の割合 for a % indicator, asks for its category and shows a unit mismatch', async () => {
    const share = consultations({ code: 'kitakyushu-seikatsu-garbage-share', name: '相談に占めるゴミ出しの割合', unit: '%', values: [], series: [] });
    const { requests } = derivedBackend(['ADMIN'], { indicator: share, rules: [] }, () =>
      jsonResponse(
        {
          type: '/problems/indicator-unit-mismatch', title: '処理できない内容です', status: 422,
          detail: '指標「相談に占めるゴミ出しの割合」の単位は「%」です。件数・人数は単位が % でない指標に入れてください。',
        },
        422,
      ),
    );
    const user = userEvent.setup();
    renderIndicator('kitakyushu-seikatsu-garbage-share');

    await user.click(await screen.findByText('実績値を支援統計から自動集計する'));
    const form = screen.getByRole('form', { name: '支援統計からの自動集計' });
    const statistic = within(form).getByLabelText(/^統計/) as HTMLSelectElement;
    expect(Array.from(statistic.options).map((o) => o.value)).toEqual(['CATEGORY_SHARE']);
    await user.click(within(form).getByRole('button', { name: '自動集計を設定する' }));
    expect(within(form).getByText('種類別の割合には困りごとの種類を選んでください')).toBeTruthy();
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);

    await user.selectOptions(within(form).getByLabelText(/^困りごとの種類/), 'ゴミ出し');
    await user.click(within(form).getByRole('button', { name: '自動集計を設定する' }));
    const alert = await within(form).findByRole('alert');
    expect(within(alert).getByText('処理できない内容です')).toBeTruthy();
    expect(statistic.getAttribute('aria-invalid')).toBe('true');
    expect(await requests.find((r) => r.method === 'PUT')!.json()).toEqual({ areaCode: '40100', statistic: 'CATEGORY_SHARE', categoryCode: 'GARBAGE' });
  });

  it('removes a rule after saying the counted actuals go too', async () => {
    const { requests } = derivedBackend(['PLANNER'], { indicator: consultations(), rules: [statRule()] }, (request) =>
      request.method === 'DELETE' ? new Response(null, { status: 204 }) : jsonResponse({ status: 404 }, 404),
    );
    const user = userEvent.setup();
    renderIndicator('kitakyushu-seikatsu-consultations');

    await user.click(await screen.findByText('自動集計の設定を変える・やめる'));
    await user.click(screen.getByRole('button', { name: '自動集計をやめる' }));
    const confirm = screen.getByRole('group', { name: '自動集計をやめる確認' });
    expect(confirm.textContent).toContain('この規則で算出した実績値（1件）も消えます');
    expect(requests.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(within(confirm).getByRole('button', { name: 'やめて実績値を消す' }));

    expect(await screen.findByText('自動集計をやめました。この規則で算出していた実績値も消しました。')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText('令和2年度 (2020) 実績値') as HTMLInputElement).readOnly).toBe(false));
    const remove = requests.find((r) => r.method === 'DELETE')!;
    expect(new URL(remove.url).pathname).toBe('/api/v1/indicators/kitakyushu-seikatsu-consultations/support-stat-rule');
  });

  it('says why a save was refused when the value has become computed meanwhile', async () => {
    const detail = '指標「地域会合等への参加（回数）」の 2023 年度の実績値は survey:x から算出されているため、直接は変更できません。元のデータか規則を変更してください。';
    derivedBackend(['PLANNER'], { indicator: meetings(), rules: [] }, () =>
      jsonResponse({ type: '/problems/indicator-value-derived', title: '競合しています', status: 409, detail }, 409),
    );
    const user = userEvent.setup();
    renderIndicator('kitakyushu-ikiiki2-63-1');
    await user.type(await screen.findByLabelText('令和5年度 (2023) 実績値'), '1600{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(detail);
    expect(within(alert).getByRole('button', { name: '再読み込み' })).toBeTruthy();
  });
});

describe('指標: 値の履歴', () => {
  /** A moment in the browser's time zone, as the API would send it (the page shows it in that zone). */
  const at = (y: number, month: number, d: number, h: number, m: number) => new Date(y, month - 1, d, h, m).toISOString();
  const history = [
    valueChange(2022, 'ACTUAL', null, 1305, { changedBy: 'importer', changedAt: at(2026, 3, 2, 10, 15), origin: 'IMPORTED' }),
    valueChange(2023, 'ACTUAL', 1305, 1600, { changedBy: 'planner', changedAt: at(2026, 5, 20, 14, 5), origin: 'TYPED' }),
    valueChange(2023, 'TARGET', 1530, null, { newMarker: 'MAINTAIN_BASELINE', changedAt: at(2026, 4, 10, 8, 0), origin: 'TYPED' }),
    valueChange(2021, 'ACTUAL', 835, 840, {
      changedBy: 'token:3 (集計システム)', changedAt: at(2026, 5, 21, 7, 30), origin: 'TOKEN', originName: '集計システム',
    }),
    valueChange(2021, 'ACTUAL', 800, 835, { changedBy: 'demo', changedAt: at(2026, 2, 1, 9, 0), origin: 'SUPPORT_STATS' }),
    valueChange(2019, 'BASELINE', 1500, 1530, { changedBy: 'demo', changedAt: at(2026, 1, 15, 9, 0), origin: 'SURVEY', originName: 'kumamoto-r6' }),
    valueChange(2022, 'TARGET', 1530, null, { changedAt: at(2026, 1, 10, 9, 0), origin: null }),
  ];

  function historyBackend(roles: string[]) {
    let items = history;
    return mockFetch(async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(me(roles));
      if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2') return jsonResponse(plan);
      if (url.pathname === '/api/v1/support-stat-rules') return jsonResponse({ items: [] });
      if (url.pathname === '/api/v1/indicator-definitions') return jsonResponse({ items: [] });
      if (url.pathname === '/api/v1/support-categories') return jsonResponse([]);
      if (url.pathname === '/api/v1/indicators/kitakyushu-ikiiki2-63-1') return jsonResponse(meetings());
      if (url.pathname === '/api/v1/indicators/kitakyushu-ikiiki2-63-1/history') return jsonResponse({ items });
      if (request.method === 'PUT') {
        items = [valueChange(2020, 'ACTUAL', null, 700, { changedAt: at(2026, 6, 1, 12, 0), origin: 'TYPED' }), ...items];
        return jsonResponse(meetings());
      }
      return jsonResponse({ status: 404 }, 404);
    });
  }

  it('lists every change newest first: when, who, which year and value, old → new, and where it came from', async () => {
    historyBackend(['VIEWER']);
    renderPage();
    const table = await screen.findByRole('table', { name: '値の履歴（新しい順）' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['2026年5月21日 07:30', 'token:3 (集計システム)', '令和3年度 (2021)', '実績値', '835 → 840', 'システム連携（集計システム）'],
      ['2026年5月20日 14:05', 'planner', '令和5年度 (2023)', '実績値', '1,305 → 1,600', '手入力'],
      ['2026年4月10日 08:00', 'planner', '令和5年度 (2023)', '目標値', '1,530 → 現状維持', '手入力'],
      ['2026年3月2日 10:15', 'importer', '令和4年度 (2022)', '実績値', '— → 1,305', '取込'],
      ['2026年2月1日 09:00', 'demo', '令和3年度 (2021)', '実績値', '800 → 835', '支援統計'],
      ['2026年1月15日 09:00', 'demo', '令和元年度 (2019)', '基準値', '1,500 → 1,530', 'アンケート（kumamoto-r6）'],
      // Cleared, and from before the API said where changes come from.
      ['2026年1月10日 09:00', 'planner', '令和4年度 (2022)', '目標値', '1,530 → —', '—'],
    ]);
  });

  it('shows the new change once a planner has saved a value', async () => {
    const { requests } = historyBackend(['PLANNER']);
    const user = userEvent.setup();
    renderPage();
    await screen.findByRole('table', { name: '値の履歴（新しい順）' });
    await user.type(await screen.findByLabelText('令和2年度 (2020) 実績値'), '700{Enter}');
    const table = await screen.findByRole('table', { name: '値の履歴（新しい順）' });
    await waitFor(() => expect(within(table).getAllByRole('row')[1].textContent).toContain('— → 700'));
    expect(requests.filter((r) => new URL(r.url).pathname.endsWith('/history'))).toHaveLength(2);
  });

  it('asks nothing of the history for a coordinator, whom the API refuses', async () => {
    const { requests } = historyBackend(['COORDINATOR']);
    const { client } = renderPage();
    await screen.findByRole('heading', { level: 1, name: '地域会合等への参加（回数）' });
    await waitFor(() => expect(client.getQueryState(['me'])?.status).toBe('success'));
    expect(screen.queryByRole('heading', { name: '値の履歴' })).toBeNull();
    expect(requests.some((r) => new URL(r.url).pathname.endsWith('/history'))).toBe(false);
  });
});

describe('未設定の指標', () => {
  const reason = '安心安全を確保するための事業であり、定量効果や定性効果を求めるものではない';
  const notSet = meetings({
    unit: null,
    direction: null,
    rationale: null,
    notSet: true,
    notSetReason: reason,
    values: [value(2021, 'ACTUAL', 835, { version: 1 }), value(2022, 'ACTUAL', 1305, { version: 2 })],
    series: [
      seriesRow(2021, { baseline: null, baselineYear: null, actual: 835 }),
      seriesRow(2022, { baseline: null, baselineYear: null, actual: 1305, changeFromPrevious: 470 }),
    ],
  });

  function notSetBackend(roles: string[]) {
    return mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(me(roles));
      if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2') return jsonResponse(plan);
      if (url.pathname === '/api/v1/support-stat-rules') return jsonResponse({ items: [] });
      if (url.pathname === '/api/v1/indicator-definitions') return jsonResponse({ items: [] });
      if (url.pathname === '/api/v1/support-categories') return jsonResponse([]);
      if (url.pathname === '/api/v1/indicators/kitakyushu-ikiiki2-63-1') return jsonResponse(notSet);
      return jsonResponse({ status: 404 }, 404);
    });
  }

  it('reads 未設定, with its reason, where the target and the grade would be — never blank, never 未評価', async () => {
    notSetBackend(['VIEWER']);
    renderPage();
    await screen.findByRole('heading', { level: 1, name: '地域会合等への参加（回数）' });
    expect(screen.getByText('この指標は未設定です').closest('.alert')!.textContent).toContain(reason);
    expect(screen.getByText(/^目標値: 未設定/)).toBeTruthy();

    const series = screen.getByRole('table', { name: '達成状況' });
    expect(screen.getByTestId('series-not-set').textContent).toContain(`理由: ${reason}`);
    const rows = within(series).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['令和3年度 (2021)', '令和4年度 (2022)']);
    for (const row of rows) {
      const cells = within(row).getAllByRole('cell');
      expect(cells[0].textContent).toBe('未設定');
      expect(within(row).getByRole('img', { name: '未設定' })).toBeTruthy();
    }
    expect(series.textContent).not.toContain('未評価');

    const grid = screen.getByRole('table', { name: /年度別の基準値・目標値・実績値/ });
    const fy2021 = within(grid).getByRole('rowheader', { name: '令和3年度 (2021)' }).closest('tr')!;
    // 基準値 (none yet: 未入力), 目標値 (未設定), 実績値.
    const [baseline, target, actual] = within(fy2021).getAllByRole('cell');
    expect(within(baseline).getByRole('img', { name: '未入力' })).toBeTruthy();
    expect(target.textContent).toBe('未設定');
    expect(actual.textContent).toBe('835');
  });

  it('marks the empty target inputs 未設定 for a planner', async () => {
    notSetBackend(['PLANNER']);
    renderPage();
    const target = await screen.findByLabelText('令和5年度 (2023) 目標値');
    expect(target.getAttribute('placeholder')).toBe('未設定');
    expect(screen.getByLabelText('令和5年度 (2023) 実績値').getAttribute('placeholder')).toBeNull();
  });
});

describe('指標: 共通の指標定義', () => {
  const scActivities = { code: 'sc-activities', name: '生活支援コーディネーターの活動回数', unit: '回', description: null, indicators: 1 };
  const salons = { code: 'salons', name: 'サロンの数', unit: 'か所', description: null, indicators: 0 };
  const indicatorReads = (requests: Request[]) =>
    requests.filter((r) => r.method === 'GET' && new URL(r.url).pathname === '/api/v1/indicators/kitakyushu-ikiiki2-63-1').length;

  /**
   * The indicator is linked to `linked` (or to none), as its definitionCode says; PUT /definition answers with
   * `onLink`, or as the API would. There is no comparison here: the page has no need of one to know the link.
   */
  function linkBackend(roles: string[], linked: string | null, onLink?: (body: { definition: string | null }) => Response) {
    let current = linked;
    return mockFetch(async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(me(roles));
      if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2') return jsonResponse(plan);
      if (url.pathname === '/api/v1/support-stat-rules') return jsonResponse({ items: [] });
      if (url.pathname === '/api/v1/support-categories') return jsonResponse([]);
      if (url.pathname === '/api/v1/indicators/kitakyushu-ikiiki2-63-1') return jsonResponse({ ...meetings(), definitionCode: current });
      if (url.pathname === '/api/v1/indicators/kitakyushu-ikiiki2-63-1/history') return jsonResponse({ items: [] });
      if (url.pathname === '/api/v1/indicator-definitions') {
        return jsonResponse({ items: [salons, scActivities].map((d) => ({ ...d, indicators: d.code === current ? 1 : 0 })) });
      }
      if (url.pathname === '/api/v1/indicators/kitakyushu-ikiiki2-63-1/definition' && request.method === 'PUT') {
        const body = await request.json();
        const response = onLink?.(body) ?? jsonResponse({ indicatorCode: 'kitakyushu-ikiiki2-63-1', definition: body.definition });
        if (response.ok) current = body.definition;
        return response;
      }
      return jsonResponse({ status: 404 }, 404);
    });
  }

  it('shows the definition the indicator is linked to, and unlinks it with 「つながっていません」', async () => {
    const { requests } = linkBackend(['PLANNER'], 'sc-activities');
    const user = userEvent.setup();
    renderPage();
    const select = (await screen.findByRole('combobox', { name: '共通の指標定義' })) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe('sc-activities'));
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'つながっていません', 'サロンの数（salons）', '生活支援コーディネーターの活動回数（sc-activities）',
    ]);
    expect(screen.getByRole('link', { name: '市の比較' }).getAttribute('href')).toBe('/kpis/compare?definition=sc-activities');

    await user.selectOptions(select, 'つながっていません');
    expect(requests.some((r) => r.method === 'PUT')).toBe(false);
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect((await screen.findByRole('status')).textContent).toBe('共通の指標定義から外しました。市の比較にはこの指標が出なくなります。');
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/v1/indicators/kitakyushu-ikiiki2-63-1/definition');
    expect(await put.json()).toEqual({ definition: null });
    expect(select.value).toBe('');
    expect(screen.queryByRole('link', { name: '市の比較' })).toBeNull();
    // The indicator is read again, so its definitionCode is the API's; the link was never looked for elsewhere.
    await waitFor(() => expect(indicatorReads(requests)).toBe(2));
    expect(select.value).toBe('');
    expect(requests.some((r) => r.url.includes('/kpis/compare'))).toBe(false);
  });

  it('links an unlinked indicator to the definition chosen, and shows a refusal at the list', async () => {
    let refuse = true;
    const { requests } = linkBackend(['ADMIN'], null, () => {
      if (!refuse) return jsonResponse({ indicatorCode: 'kitakyushu-ikiiki2-63-1', definition: 'salons' });
      refuse = false;
      return jsonResponse(
        { status: 422, title: '処理できない内容です', detail: '共通の指標定義 salons はありません', errors: [{ field: 'definition', message: '共通の指標定義 salons はありません' }] },
        422,
      );
    });
    const user = userEvent.setup();
    renderPage();
    const select = (await screen.findByRole('combobox', { name: '共通の指標定義' })) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect(select.value).toBe('');

    await user.selectOptions(select, 'サロンの数（salons）');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    await waitFor(() => expect(select.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(select.getAttribute('aria-describedby')!)!.textContent).toBe('共通の指標定義 salons はありません');

    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect((await screen.findByRole('status')).textContent).toBe('共通の指標定義「サロンの数」につなぎました。市の比較にこの市が並びます。');
    expect(await requests.filter((r) => r.method === 'PUT')[1].json()).toEqual({ definition: 'salons' });
    expect(select.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('link', { name: '市の比較' }).getAttribute('href')).toBe('/kpis/compare?definition=salons');
    // Read again after the save that went through (not after the refused one).
    await waitFor(() => expect(indicatorReads(requests)).toBe(2));
    expect(select.value).toBe('salons');
    expect(screen.getByRole('link', { name: '市の比較' }).getAttribute('href')).toBe('/kpis/compare?definition=salons');
    expect(requests.some((r) => r.url.includes('/kpis/compare'))).toBe(false);
  });

  it('offers no link to a viewer, and asks nothing about definitions', async () => {
    const { requests } = linkBackend(['VIEWER'], 'sc-activities');
    renderPage();
    await screen.findByRole('table', { name: '達成状況' });
    expect(screen.queryByRole('heading', { name: '共通の指標定義' })).toBeNull();
    expect(requests.some((r) => r.url.includes('/indicator-definitions') || r.url.includes('/kpis/compare'))).toBe(false);
  });
});
