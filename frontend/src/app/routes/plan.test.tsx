import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { ikiiki, ikiikiTree } from '@/testing/plan-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanRoute } from './plan';

function backend(roles: string[]) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse({ subject: 'u', displayName: 'u', kind: 'USER', roles, scopes: [], districts: [] });
    if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2/tree') return jsonResponse({ plan: ikiiki(), nodes: ikiikiTree() });
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderPlan() {
  return renderWithProviders(
    <Routes>
      <Route path="/plans/:code" element={<PlanRoute />} />
    </Routes>,
    { route: '/plans/kitakyushu-ikiiki2' },
  );
}

describe('計画', () => {
  it('links to its 変更履歴 for those who may read it', async () => {
    backend(['VIEWER']);
    renderPlan();
    const link = await screen.findByRole('link', { name: '変更履歴' });
    expect(link.getAttribute('href')).toBe('/plans/kitakyushu-ikiiki2/changes');
  });

  it('offers no 変更履歴 to a coordinator, whom the API refuses', async () => {
    backend(['COORDINATOR']);
    const { client } = renderPlan();
    await screen.findByRole('heading', { level: 1, name: '第2次北九州市いきいき長寿プラン' });
    await waitFor(() => expect(client.getQueryState(['me'])?.status).toBe('success'));
    expect(screen.queryByRole('link', { name: '変更履歴' })).toBeNull();
  });

  it('links to the dashboard without a year, so it opens on the latest year with actuals, until a year is chosen', async () => {
    backend(['PLANNER']);
    const user = userEvent.setup();
    renderPlan();
    const link = await screen.findByRole('link', { name: '評価ダッシュボード' });
    expect(link.getAttribute('href')).toBe('/plans/kitakyushu-ikiiki2/dashboard');
    await user.selectOptions(screen.getByLabelText('年度'), '2022');
    expect(screen.getByRole('link', { name: '令和4年度 (2022)の評価ダッシュボード' }).getAttribute('href')).toBe(
      '/plans/kitakyushu-ikiiki2/dashboard?fiscalYear=2022',
    );
  });
});
