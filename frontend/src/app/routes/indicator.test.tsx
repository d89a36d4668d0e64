import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { meetings, seriesRow, value } from '@/testing/indicator-fixtures';
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
    if (url.pathname === '/api/v1/indicators/kitakyushu-ikiiki2-63-1' && request.method === 'GET') return jsonResponse(current);
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
