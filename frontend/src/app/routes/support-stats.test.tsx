import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { stats, viewer } from '@/testing/support-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportStatsRoute } from './support-stats';

function backend() {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(viewer);
    if (url.pathname === '/api/v1/support-stats') {
      const area = url.searchParams.get('area');
      return jsonResponse({
        ...stats,
        area: area === '40100' ? { code: '40100', name: '北九州市', kind: 'CITY' } : stats.area,
        fiscalYear: Number(url.searchParams.get('fiscalYear')),
      });
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

describe('地区の統計', () => {
  it('shows the figures and the category shares with their % labels', async () => {
    const { requests } = backend();
    renderAt('/support/stats?area=40102-takasu&fiscalYear=2020');

    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和2年度 (2020)' })).toBeTruthy();
    expect(screen.getByTestId('consultations').textContent).toBe('761件');
    expect(screen.getByTestId('adjustments').textContent).toBe('910件');
    expect(screen.getByTestId('supporters-registered').textContent).toBe('32人');
    expect(screen.getByTestId('supporters-active').textContent).toBe('32人');

    const chart = screen.getByRole('list', { name: '困りごとの種類別の割合' });
    const rows = within(chart).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual(['ゴミ出し37.4%284件', '掃除1.8%14件', '買い物代行25.1%191件']);
    expect(rows.map((r) => (r.querySelector('.share-chart__bar') as HTMLElement).style.width)).toEqual(['37.4%', '1.8%', '25.1%']);

    const url = new URL(requests.find((r) => r.url.includes('/support-stats'))!.url);
    expect(url.searchParams.get('area')).toBe('40102-takasu');
    expect(url.searchParams.get('fiscalYear')).toBe('2020');
    // A viewer sees the statistics but not the coordinator's pages.
    expect(screen.queryByRole('link', { name: '新しい相談' })).toBeNull();
  });

  it('defaults to 令和2年度 and the city, and switches the area', async () => {
    const { requests } = backend();
    renderAt('/support/stats');
    expect(await screen.findByRole('heading', { level: 2, name: '北九州市 令和2年度 (2020)' })).toBeTruthy();
    const year = screen.getByLabelText('年度') as HTMLSelectElement;
    expect(year.value).toBe('2020');
    expect(Array.from(year.options).map((o) => o.textContent)).toContain('令和2年度 (2020)');
    const area = screen.getByLabelText('地域') as HTMLSelectElement;
    expect(Array.from(area.options).map((o) => o.textContent)).toEqual([
      '高須', '庄司', '若園', '貫', '田野浦', '守恒', '西小倉', '門司区', '若松区', '小倉北区', '小倉南区', '北九州市',
    ]);
    await userEvent.selectOptions(area, '40102-takasu');
    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和2年度 (2020)' })).toBeTruthy();
    expect(requests.some((r) => new URL(r.url).searchParams.get('area') === '40102-takasu')).toBe(true);
  });

  it('says so when there were no consultations', async () => {
    mockFetch((request) =>
      new URL(request.url).pathname === '/api/v1/me'
        ? jsonResponse(viewer)
        : jsonResponse({ ...stats, consultations: 0, adjustments: 0, categoryShares: [] }),
    );
    renderAt('/support/stats?area=40102-takasu&fiscalYear=2021');
    expect(await screen.findByText('この年度の相談はありません。')).toBeTruthy();
  });
});
