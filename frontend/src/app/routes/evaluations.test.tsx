import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { plan } from '@/testing/evaluation-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { EvaluationsRoute } from './evaluations';

function backend() {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2') return jsonResponse(plan);
    if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2/evaluations') {
      return jsonResponse({
        planCode: plan.code,
        fiscalYear: Number(url.searchParams.get('fiscalYear')),
        dueDate: '2023-06-30',
        byStatus: { NONE: 5, DRAFT: 2, SUBMITTED: 1, RETURNED: 1, APPROVED: 1 },
        byGrade: { A: 1, B: 2, C: 0, D: 0, NONE: 7 },
        byDirection: { EXPAND: 1, CONTINUE: 1, REVISE: 0, REDUCE: 0, ABOLISH: 0, COMPLETE: 0, NONE: 8 },
        items: [
          { nodeCode: '59', nodeTitle: '地域交流や居場所づくりの推進', status: null, selfGrade: null, direction: null, late: true, updatedAt: null },
          { nodeCode: '62', nodeTitle: '住民主体による居場所づくり', status: 'SUBMITTED', selfGrade: 'B', direction: 'EXPAND', late: false, updatedAt: '2026-11-22T09:05:00+09:00' },
          { nodeCode: '63', nodeTitle: 'いのちをつなぐネットワークの推進', status: 'RETURNED', selfGrade: 'A', direction: 'CONTINUE', late: false, updatedAt: '2026-11-20T10:00:00+09:00' },
        ],
      });
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

describe('事業調書の状況', () => {
  it('shows the counts by status and by self grade, the due date and each measure', async () => {
    const { requests } = backend();
    renderWithProviders(
      <Routes>
        <Route path="/plans/:code/evaluations" element={<EvaluationsRoute />} />
      </Routes>,
      { route: '/plans/kitakyushu-ikiiki2/evaluations?fiscalYear=2022' },
    );

    const table = await screen.findByRole('table', { name: '取組ごとの事業調書' });
    const byStatus = screen.getByRole('heading', { name: '状態別（10件）' }).parentElement!;
    expect(within(byStatus).getAllByRole('listitem').map((i) => i.textContent)).toEqual([
      '未作成5件', '下書き2件', '提出済み1件', '差戻し1件', '承認済み1件',
    ]);
    const bar = within(byStatus).getAllByRole('listitem')[1].querySelector('.grade-bars__bar') as HTMLElement;
    expect(bar.style.width).toBe('40%');
    const byGrade = screen.getByRole('heading', { name: '自己評価別（10件）' }).parentElement!;
    expect(within(byGrade).getAllByRole('listitem').map((i) => i.textContent)).toEqual(['A1件', 'B2件', 'C0件', 'D0件', '未評価7件']);
    const byDirection = screen.getByRole('heading', { name: '今後の方向性別（10件）' }).parentElement!;
    expect(within(byDirection).getAllByRole('listitem').map((i) => i.textContent)).toEqual([
      '拡充1件', '継続1件', '見直し0件', '縮小0件', '廃止0件', '完了0件', '未記入8件',
    ]);

    expect(screen.getByText('令和5年6月30日')).toBeTruthy();

    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain('未作成');
    expect(rows[0].textContent).toContain('⚠ 遅れ');
    expect(rows[1].textContent).toContain('提出済み');
    expect(within(rows[1]).getByLabelText('評価 B')).toBeTruthy();
    expect(within(rows[1]).getByText('拡充')).toBeTruthy();
    expect(rows[1].textContent).not.toContain('⚠ 遅れ');
    expect(rows[2].textContent).toContain('差戻し');
    expect(within(rows[1]).getByRole('link', { name: '住民主体による居場所づくり' }).getAttribute('href')).toBe(
      '/plans/kitakyushu-ikiiki2/evaluations/62/2022',
    );
    expect(screen.getByRole('button', { name: /XLSX/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /CSV/ })).toBeTruthy();

    const overview = requests.find((r) => new URL(r.url).pathname.endsWith('/evaluations'))!;
    expect(new URL(overview.url).searchParams.get('fiscalYear')).toBe('2022');
  });
});
