import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { ikiiki, ikiikiTree } from '@/testing/plan-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanRoute } from './plan';

type S = components['schemas'];

const PLAN = 'kitakyushu-ikiiki2';

/** The plan's API with its publication kept as the server keeps it. */
function backend(roles: string[]) {
  const state: { plan: S['PlanResponse']; bodies: unknown[] } = { plan: ikiiki(), bodies: [] };
  const fetched = mockFetch(async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    if (path === '/api/v1/me') return jsonResponse({ subject: 'u', displayName: 'u', kind: 'USER', roles, scopes: [], districts: [] });
    if (path === `/api/v1/plans/${PLAN}/tree`) return jsonResponse({ plan: state.plan, nodes: ikiikiTree() });
    if (path === `/api/v1/plans/${PLAN}/findings`) return jsonResponse({ items: [] });
    if (path === `/api/v1/plans/${PLAN}/publication` && request.method === 'PUT') {
      const body: S['PublicationRequest'] = await request.json();
      state.bodies.push(body);
      state.plan = { ...state.plan, publishedAt: body.published ? '2026-12-02T09:00:00+09:00' : null, version: state.plan.version + 1 };
      return jsonResponse(state.plan);
    }
    return jsonResponse({ items: [] });
  });
  return { state, fetched };
}

function renderPlan() {
  return renderWithProviders(
    <Routes>
      <Route path="/plans/:code" element={<PlanRoute />} />
    </Routes>,
    { route: `/plans/${PLAN}` },
  );
}

describe('計画のオープンデータ', () => {
  it('a planner publishes the plan and gets the dataset addresses, then stops publishing it', async () => {
    const { state } = backend(['PLANNER']);
    renderPlan();
    const section = (await screen.findByRole('heading', { name: 'オープンデータ' })).closest('section')!;
    expect(within(section).getByText(/公開していません/)).toBeTruthy();
    expect(within(section).queryByRole('link')).toBeNull();

    await userEvent.click(within(section).getByRole('button', { name: 'オープンデータとして公開する' }));
    expect(await within(section).findByText('オープンデータとして公開しました。')).toBeTruthy();
    expect(state.bodies).toEqual([{ published: true }]);
    expect(within(section).getByText(/公開中（2026年12月2日 09:00 から）/)).toBeTruthy();
    expect(within(section).getByRole('link', { name: '指標と年度ごとの値（CSV、UTF-8）' }).getAttribute('href')).toBe(
      `/open-data/v1/plans/${PLAN}/indicators.csv`,
    );
    expect(within(section).getByRole('link', { name: /データセットの説明/ }).getAttribute('href')).toBe(`/open-data/v1/plans/${PLAN}/dataset.json`);

    await userEvent.click(within(section).getByRole('button', { name: '公開をやめる' }));
    expect(await within(section).findByText('公開をやめました。')).toBeTruthy();
    expect(state.bodies).toEqual([{ published: true }, { published: false }]);
    expect(within(section).queryByRole('link')).toBeNull();
  });

  it('a viewer sees whether it is published but cannot change it', async () => {
    backend(['VIEWER']);
    renderPlan();
    const section = (await screen.findByRole('heading', { name: 'オープンデータ' })).closest('section')!;
    expect(within(section).getByText(/公開していません/)).toBeTruthy();
    expect(within(section).queryByRole('button')).toBeNull();
  });
});
