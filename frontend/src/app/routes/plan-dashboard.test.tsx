import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { readBytes } from '@/lib/api/upload';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { PlanDashboardRoute } from './plan-dashboard';

const plan = {
  code: 'kitakyushu-ikiiki2', title: '第2次北九州市いきいき長寿プラン', kind: 'ELDERLY_CARE_INSURANCE',
  city: { code: '40100', name: '北九州市', kind: 'CITY' }, periodStart: 2021, periodEnd: 2023, vision: null, status: 'ACTIVE',
  levels: ['目標', '施策の方向性', '取組'], actors: [], gradeThresholds: { a: 100, b: 80, c: 50 }, linkedPlans: [], version: 0,
};

function kpiRow(code: string, name: string, grade: string | null, extra: Record<string, unknown> = {}) {
  return {
    planCode: plan.code, planTitle: plan.title, nodeCodes: ['②', '1', '63'], nodePath: '② > 1 > 63 いのちをつなぐネットワークの推進',
    indicatorCode: code, indicatorName: name, unit: '回', direction: 'INCREASE', option: null, fiscalYear: 2022,
    baseline: null, baselineYear: null, target: null, targetMarker: null, targetInForce: 100, actual: 50, actualMarker: null,
    achievementRate: 50, grade, changeFromPrevious: null, projected: null, onTrack: null, notSet: false, notSetReason: null,
    updatedAt: '2026-04-01T00:00:00Z', ...extra,
  };
}

function backend({ latestWithActuals = 2022 }: { latestWithActuals?: number } = {}) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/plans/kitakyushu-ikiiki2') return jsonResponse(plan);
    if (url.pathname === '/api/v1/kpis/summary') {
      // As the API answers: without a year, the latest one with actuals.
      const year = url.searchParams.get('fiscalYear');
      return jsonResponse({
        plan: plan.code,
        fiscalYear: year === null ? latestWithActuals : Number(year),
        counts: { A: 1, B: 2, C: 0, D: 1, NONE: 3, NOT_SET: 1 },
        yearsWithActuals: [2021, latestWithActuals],
        rows: [
          kpiRow('k-d', 'サロン助成団体数', 'D', { option: '月4回以上', achievementRate: 12.5, actual: 122, targetInForce: 970 }),
          kpiRow('k-b', '地域会合等への参加（回数）', 'B', { achievementRate: 85.3, actual: 1305, targetInForce: 1530 }),
          kpiRow('k-a', '見守り件数', 'A', { achievementRate: 104 }),
          kpiRow('k-none', '相談件数', null, { achievementRate: null, actual: null, actualMarker: 'NOT_APPLICABLE' }),
          kpiRow('k-ns', '見守り訪問の実施', null, {
            achievementRate: null, actual: null, targetInForce: null, notSet: true, notSetReason: '定量効果を求めない事業のため',
          }),
        ],
      });
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderAt(route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/plans/:code/dashboard" element={<PlanDashboardRoute />} />
    </Routes>,
    { route },
  );
}

describe('評価ダッシュボード', () => {
  it('shows the counts by grade and the rows worst first, for the year asked for', async () => {
    const { requests } = backend();
    renderAt('/plans/kitakyushu-ikiiki2/dashboard?fiscalYear=2022');

    const table = await screen.findByRole('table', { name: '成果指標の評価（評価の低い順）' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'サロン助成団体数', '地域会合等への参加（回数）', '見守り件数', '相談件数', '見守り訪問の実施',
    ]);
    expect(rows.map((r) => r.lastElementChild?.textContent)).toEqual(['D', 'B', 'A', '未評価', '未設定定量効果を求めない事業のため']);
    expect(rows[0].textContent).toContain('月4回以上');
    expect(rows[0].textContent).toContain('12.5');
    expect(rows[1].textContent).toContain('1,305 回');
    expect(rows[1].textContent).toContain('85.3');
    expect(rows[3].textContent).toContain('***');
    expect(within(rows[1]).getByRole('link').getAttribute('href')).toBe('/indicators/k-b');

    const counts = screen.getByRole('heading', { name: '評価の内訳（8件）' }).parentElement!;
    const items = within(counts).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['A1件', 'B2件', 'C0件', 'D1件', '未評価3件', '未設定1件']);
    expect((items[1].querySelector('.grade-bars__bar') as HTMLElement).style.width).toBe('66.66666666666666%');

    expect(screen.getByText(/令和4年度 \(2022\)の成果指標の評価です/)).toBeTruthy();
    const summary = requests.find((r) => r.url.includes('/kpis/summary'))!;
    expect(new URL(summary.url).searchParams.get('fiscalYear')).toBe('2022');
  });

  it('opens on the year the API chooses (the latest with any actual), asking it without a year', async () => {
    const { requests } = backend({ latestWithActuals: 2022 });
    renderAt('/plans/kitakyushu-ikiiki2/dashboard');
    await screen.findByRole('table', { name: '成果指標の評価（評価の低い順）' });
    const summaries = requests.filter((r) => r.url.includes('/kpis/summary'));
    expect(summaries.map((r) => new URL(r.url).searchParams.get('fiscalYear'))).toEqual([null]);
    expect((screen.getByLabelText('年度') as HTMLSelectElement).value).toBe('2022');
    expect(screen.getByText(/令和4年度 \(2022\)の成果指標の評価です/)).toBeTruthy();
  });

  it('downloads the counts and the rows of the year shown as CSV for Excel: BOM, CRLF, the rows as listed', async () => {
    backend();
    const user = userEvent.setup();
    const saved: { blob: Blob; name: string }[] = [];
    const { createObjectURL, revokeObjectURL } = URL;
    let lastBlob: Blob | undefined;
    URL.createObjectURL = (blob: Blob) => {
      lastBlob = blob;
      return 'blob:kpi-csv';
    };
    URL.revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ blob: lastBlob!, name: this.download });
    });
    try {
      renderAt('/plans/kitakyushu-ikiiki2/dashboard?fiscalYear=2022');
      await screen.findByRole('table', { name: '成果指標の評価（評価の低い順）' });
      await user.click(screen.getByRole('button', { name: 'CSV ダウンロード' }));

      expect(saved).toHaveLength(1);
      expect(saved[0].name).toBe('kitakyushu-ikiiki2-kpi-2022.csv');
      expect(saved[0].blob.type).toBe('text/csv;charset=utf-8');
      const bytes = new Uint8Array(await readBytes(saved[0].blob));
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      expect(text.startsWith('\uFEFF計画,第2次北九州市いきいき長寿プラン\r\n年度,令和4年度 (2022)\r\n')).toBe(true);
      const lines = text.slice(1).split('\r\n');
      expect(lines.slice(3, 10)).toEqual(['評価,件数', 'A,1', 'B,2', 'C,0', 'D,1', '未評価,3', '未設定,1']);
      expect(lines[11].split(',').slice(0, 3)).toEqual(['評価', '指標', '指標コード']);
      expect(lines.slice(12, 17).map((l) => l.split(',').slice(0, 2))).toEqual([
        ['D', 'サロン助成団体数'], ['B', '地域会合等への参加（回数）'], ['A', '見守り件数'], ['未評価', '相談件数'], ['未設定', '見守り訪問の実施'],
      ]);
      expect(lines[16].endsWith(',定量効果を求めない事業のため')).toBe(true);
      // The numbers as numbers (Excel sums them), the marker as the sheet writes it.
      expect(lines[13]).toContain(',1530,1305,85.3,');
      expect(lines[15]).toContain(',100,***,,');
      expect(lines.at(-1)).toBe('');
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    } finally {
      click.mockRestore();
      URL.createObjectURL = createObjectURL;
      URL.revokeObjectURL = revokeObjectURL;
    }
  });
});
