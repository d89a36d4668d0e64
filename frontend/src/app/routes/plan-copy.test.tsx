import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { me, plan as ikiiki2, tree } from '@/testing/evaluation-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { bodiesOf } from '@/testing/plan-builder-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanRoute } from './plan';

type S = components['schemas'];

const LONG = 30_000;

const overlap = {
  type: '/problems/plan-period-overlap',
  title: '競合しています',
  status: 409,
  detail: '同じ市・種類の計画「第3次北九州市いきいき長寿プラン」（2024〜2026 年度）と期間が重なります（2024〜2026 年度）。',
};

/**
 * The API of 第2次北九州市いきいき長寿プラン (2021–2023) and of its copies: POST /copies answers `copyAnswer` (by
 * default: the new plan, 策定中, with the same tree and no values), and the copy's tree is served once it exists.
 */
function backend({ roles = ['PLANNER'], copyAnswer }: { roles?: string[]; copyAnswer?: (body: S['CopyPlanRequest']) => Response } = {}) {
  const copies = new Map<string, S['PlanResponse']>();
  return mockFetch(async (request) => {
    const path = decodeURIComponent(new URL(request.url).pathname);
    if (path === '/api/v1/me') return jsonResponse(me(roles));
    if (path === `/api/v1/plans/${ikiiki2.code}/tree`) return jsonResponse(tree);
    if (/^\/api\/v1\/plans\/[^/]+\/findings$/.test(path)) return jsonResponse({ items: [] });
    if (path === `/api/v1/plans/${ikiiki2.code}/copies` && request.method === 'POST') {
      const body: S['CopyPlanRequest'] = await request.json();
      if (copyAnswer) return copyAnswer(body);
      const copy: S['PlanResponse'] = { ...ikiiki2, levels: [...ikiiki2.levels], actors: [], linkedPlans: [], legend: [...ikiiki2.legend], contacts: [], publishedAt: null, ...body, status: 'DRAFT', version: 0 };
      copies.set(body.code, copy);
      return jsonResponse(copy, 201);
    }
    const copyTree = /^\/api\/v1\/plans\/([^/]+)\/tree$/.exec(path);
    if (copyTree && copies.has(copyTree[1])) {
      const copy = copies.get(copyTree[1])!;
      // The source's tree, with the indicator codes moved to the new plan's code, as the API copies them.
      const nodes = JSON.parse(JSON.stringify(tree.nodes).replaceAll(`"${ikiiki2.code}-`, `"${copy.code}-`)) as S['PlanTreeNode'][];
      return jsonResponse({ plan: copy, nodes });
    }
    return jsonResponse({ status: 404, detail: `no handler for ${request.method} ${path}` }, 404);
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/plans/:code" element={<PlanRoute />} />
    </Routes>,
    { route: `/plans/${ikiiki2.code}` },
  );
}

async function openCopyForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: '次期計画を作成' }));
  return screen.getByRole('form', { name: '次期計画を作成' });
}

describe('次期計画を作成', () => {
  it('suggests 第3次, the next code and 令和6年度–令和8年度 after a 第2次 plan of 2021–2023, and says what is copied', async () => {
    const user = userEvent.setup();
    backend();
    renderPage();
    const form = await openCopyForm(user);

    expect((within(form).getByLabelText(/^新しい計画コード/) as HTMLInputElement).value).toBe('kitakyushu-ikiiki3');
    expect((within(form).getByLabelText(/^新しい計画の名前/) as HTMLInputElement).value).toBe('第3次北九州市いきいき長寿プラン');
    const start = within(form).getByLabelText(/^計画期間の始まり/) as HTMLSelectElement;
    const end = within(form).getByLabelText(/^計画期間の終わり/) as HTMLSelectElement;
    expect(start.selectedOptions[0].textContent).toBe('令和6年度 (2024)');
    expect(end.selectedOptions[0].textContent).toBe('令和8年度 (2026)');
    expect(form.textContent).toContain('写さないもの: 基準値・目標値・実績値と事業調書');

    // The end follows the start (same length) until it is chosen.
    await user.selectOptions(start, '2025');
    expect(end.value).toBe('2027');
    await user.selectOptions(end, '2030');
    await user.selectOptions(start, '2024');
    expect(end.value).toBe('2030');
  });

  it('sends the code, title and period, and opens the copy: 策定中, the same tree and indicators', { timeout: LONG }, async () => {
    const user = userEvent.setup();
    const { requests } = backend();
    renderPage();
    await user.selectOptions(await screen.findByLabelText('年度'), '2021');
    const form = await openCopyForm(user);
    const title = within(form).getByLabelText(/^新しい計画の名前/);
    await user.clear(title);
    await user.type(title, '第3次北九州市いきいき長寿プラン（素案）');
    await user.click(within(form).getByRole('button', { name: '次期計画を作成' }));

    await screen.findByRole('heading', { level: 1, name: '第3次北九州市いきいき長寿プラン（素案）' });
    expect(await bodiesOf<S['CopyPlanRequest']>(requests, 'POST', `/plans/${ikiiki2.code}/copies`)).toEqual([
      { code: 'kitakyushu-ikiiki3', title: '第3次北九州市いきいき長寿プラン（素案）', periodStart: 2024, periodEnd: 2026 },
    ]);
    expect(screen.getByText(/「第2次北九州市いきいき長寿プラン」から次期計画を作成しました（策定中）/)).toBeTruthy();
    expect(screen.getByText('令和6年度 (2024)〜令和8年度 (2026)')).toBeTruthy();
    expect(screen.getByText('策定中')).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'サロン助成団体数' });
    expect(link.getAttribute('href')).toBe('/indicators/kitakyushu-ikiiki3-62-1');
    // The page is the copy's, afresh: its own years (令和3年度, chosen on the source, is not one), no copy form open.
    const year = screen.getByLabelText('年度') as HTMLSelectElement;
    expect([...year.options].map((o) => o.value)).toEqual(['2024', '2025', '2026']);
    expect(['2024', '2025', '2026']).toContain(year.value);
    expect(screen.getByRole('link', { name: '事業調書の状況' }).getAttribute('href')).toMatch(/^\/plans\/kitakyushu-ikiiki3\/evaluations\?fiscalYear=202[4-6]$/);
    expect(screen.queryByRole('form', { name: '次期計画を作成' })).toBeNull();
  });

  it('shows the API’s detail when another plan of the city and kind covers part of the period', async () => {
    const user = userEvent.setup();
    backend({ copyAnswer: () => jsonResponse(overlap, 409) });
    renderPage();
    const form = await openCopyForm(user);
    await user.click(within(form).getByRole('button', { name: '次期計画を作成' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain(overlap.detail);
    await waitFor(() => expect(alert.closest('.focus-target')).toBe(document.activeElement));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('第2次北九州市いきいき長寿プラン');
  });

  it('shows a taken code and field errors at their fields, and checks the form before sending', async () => {
    const user = userEvent.setup();
    const { requests } = backend({
      copyAnswer: (body) =>
        body.code === 'kitakyushu-ikiiki3'
          ? jsonResponse({ type: '/problems/plan-code-taken', status: 409, title: '競合しています', detail: '計画コード kitakyushu-ikiiki3 はすでに使われています。' }, 409)
          : jsonResponse({ status: 400, title: '入力内容に誤りがあります', detail: '入力内容に誤りがあります', errors: [{ field: 'copy.request.title', message: '300 文字以内で入力してください' }] }, 400),
    });
    renderPage();
    const form = await openCopyForm(user);
    const code = within(form).getByLabelText(/^新しい計画コード/);

    await user.clear(code);
    await user.type(code, 'Ikiiki 3');
    await user.click(within(form).getByRole('button', { name: '次期計画を作成' }));
    expect(within(form).getByText('英小文字・数字・ハイフンで入力してください（先頭は英小文字か数字）')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(code));
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.clear(code);
    await user.type(code, 'kitakyushu-ikiiki3');
    await user.click(within(form).getByRole('button', { name: '次期計画を作成' }));
    expect(await within(form).findByText('計画コード kitakyushu-ikiiki3 はすでに使われています。')).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(code));

    await user.clear(code);
    await user.type(code, 'ikiiki-next');
    await user.click(within(form).getByRole('button', { name: '次期計画を作成' }));
    expect(await within(form).findByText('300 文字以内で入力してください')).toBeTruthy();
    expect(within(form).getByLabelText(/^新しい計画の名前/).getAttribute('aria-invalid')).toBe('true');
  });

  it('is offered to planners and administrators only', async () => {
    backend({ roles: ['VIEWER'] });
    renderPage();
    await screen.findByRole('heading', { level: 1, name: ikiiki2.title });
    expect(screen.queryByRole('button', { name: '次期計画を作成' })).toBeNull();
  });
});
