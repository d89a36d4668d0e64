import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { dayOf, monthsBefore } from '@/lib/day';
import { valueChange } from '@/testing/indicator-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { ikiiki, ikiikiTree, planChange } from '@/testing/plan-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanChangesRoute } from './plan-changes';

/** A moment in the browser's time zone, as the API would send it (the page shows it in that zone). */
const at = (y: number, month: number, d: number, h: number, m: number) => new Date(y, month - 1, d, h, m).toISOString();

function backend() {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2/tree') return jsonResponse({ plan: ikiiki(), nodes: ikiikiTree() });
    if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2/changes') {
      return jsonResponse({
        items: [
          planChange('NODE', '63', 'title', 'いのちをつなぐネットワーク', 'いのちをつなぐネットワークの推進', { changedAt: at(2026, 5, 20, 10, 0) }),
          planChange('INDICATOR', 'kitakyushu-ikiiki2-63-1', 'direction', 'INCREASE', 'MAINTAIN', { changedBy: 'admin', changedAt: at(2026, 5, 18, 16, 45) }),
          planChange('PLAN', 'kitakyushu-ikiiki2', 'period', '2021-2022', '2021-2023', { changedAt: at(2026, 4, 2, 9, 0) }),
          planChange('NODE', '70', 'deleted', '見守りの輪', null, { changedAt: at(2026, 4, 1, 9, 0) }),
        ],
      });
    }
    if (url.pathname === '/api/v1/indicator-value-changes') {
      return jsonResponse({
        items: [
          valueChange(2023, 'ACTUAL', null, 1600, { changedAt: at(2026, 5, 21, 8, 30) }),
          valueChange(2023, 'TARGET', 1530, null, { newMarker: 'MAINTAIN_BASELINE', changedAt: at(2026, 5, 1, 11, 0) }),
        ],
      });
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderAt(route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/plans/:code/changes" element={<PlanChangesRoute />} />
    </Routes>,
    { route },
  );
}

describe('変更履歴', () => {
  it('lists the changes of the definitions and of the values as one log, newest first, each placed in the tree', async () => {
    backend();
    renderAt('/plans/kitakyushu-ikiiki2/changes?since=2026-03-01');
    const table = await screen.findByRole('table', { name: '変更履歴（新しい順）' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    const indicator = '指標 ② > 1 > 63 いのちをつなぐネットワークの推進 > 地域会合等への参加（回数）';
    expect(rows).toEqual([
      ['2026年5月21日 08:30', 'planner', indicator, '令和5年度 (2023) 実績値', '— → 1,600'],
      ['2026年5月20日 10:00', 'planner', '項目 ② > 1 > 63 いのちをつなぐネットワークの推進', '名称', 'いのちをつなぐネットワーク → いのちをつなぐネットワークの推進'],
      ['2026年5月18日 16:45', 'admin', indicator, '方向', '増加 → 維持'],
      ['2026年5月1日 11:00', 'planner', indicator, '令和5年度 (2023) 目標値', '1,530 → 現状維持'],
      ['2026年4月2日 09:00', 'planner', '計画', '計画期間', '令和3年度 (2021)〜令和4年度 (2022) → 令和3年度 (2021)〜令和5年度 (2023)'],
      // A node no longer in the tree is named by its code.
      ['2026年4月1日 09:00', 'planner', '項目 70', '削除', '見守りの輪 → —'],
    ]);
    expect(within(table).getAllByRole('link', { name: indicator })[0].getAttribute('href')).toBe('/indicators/kitakyushu-ikiiki2-63-1');
    expect(screen.getByRole('heading', { name: '2026年3月1日以降の変更（6件）' })).toBeTruthy();
  });

  it('asks both logs for the changes since the day chosen, three months back by default', async () => {
    const { requests } = backend();
    const user = userEvent.setup();
    renderAt('/plans/kitakyushu-ikiiki2/changes');
    await screen.findByRole('table', { name: '変更履歴（新しい順）' });

    const input = screen.getByLabelText('この日以降') as HTMLInputElement;
    const threeMonthsAgo = monthsBefore(new Date(), 3);
    expect(input.value).toBe(dayOf(threeMonthsAgo));
    const sinceOf = (path: string) =>
      requests.filter((r) => new URL(r.url).pathname === path).map((r) => Date.parse(new URL(r.url).searchParams.get('since')!));
    const midnight = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
    expect(sinceOf('/api/v1/plans/kitakyushu-ikiiki2/changes')).toEqual([midnight(threeMonthsAgo)]);
    expect(sinceOf('/api/v1/indicator-value-changes')).toEqual([midnight(threeMonthsAgo)]);
    const valueRequest = requests.find((r) => new URL(r.url).pathname === '/api/v1/indicator-value-changes')!;
    expect(new URL(valueRequest.url).searchParams.get('plan')).toBe('kitakyushu-ikiiki2');

    await user.clear(input);
    await user.type(input, '2026-04-15');
    await waitFor(() => expect(sinceOf('/api/v1/plans/kitakyushu-ikiiki2/changes')).toContain(new Date(2026, 3, 15).getTime()));
    expect(sinceOf('/api/v1/indicator-value-changes')).toContain(new Date(2026, 3, 15).getTime());
    expect(new URL(valueRequest.url).searchParams.get('since')).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00[+-]\d{2}:\d{2}$/);
    expect(await screen.findByRole('heading', { name: /^2026年4月15日以降の変更/ })).toBeTruthy();
  });

  it('says so when nothing changed', async () => {
    mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname.endsWith('/tree')) return jsonResponse({ plan: ikiiki(), nodes: ikiikiTree() });
      return jsonResponse({ items: [] });
    });
    renderAt('/plans/kitakyushu-ikiiki2/changes?since=2026-03-01');
    expect(await screen.findByText('この日以降の変更はありません')).toBeTruthy();
  });
});
