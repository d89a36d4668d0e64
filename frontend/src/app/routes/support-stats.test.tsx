import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { areaOf, areasApi, city, coordinator, shoji, stats, takasu, viewer } from '@/testing/support-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportStatsRoute } from './support-stats';

type S = components['schemas'];

const ward: S['AreaRef'] = { code: '40101', name: '門司区', kind: 'WARD' };
const tree = [
  areaOf(city, { parentCode: null, path: [] }),
  areaOf(ward),
  areaOf(takasu, { parentCode: ward.code, path: [city, ward] }),
  areaOf(shoji, { parentCode: ward.code, path: [city, ward] }),
  areaOf({ code: '40101-old', name: '旧校区', kind: 'SCHOOL_DISTRICT' }, { retired: true }),
];

/** The API: the area tree, the years with records per area (`years`), and the figures of any area and year. */
function backend(me: S['MeResponse'] = viewer, years: Record<string, number[]> = {}) {
  return mockFetch((request) => {
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

    const url = new URL(requests.find((r) => new URL(r.url).pathname === '/api/v1/support-stats')!.url);
    expect(url.searchParams.get('area')).toBe('40102-takasu');
    expect(url.searchParams.get('fiscalYear')).toBe('2020');
    // A viewer sees the statistics but not the coordinator's pages.
    expect(screen.queryByRole('link', { name: '新しい相談' })).toBeNull();
  });

  it('opens on the city and its latest year with records, offers every year that has them, and switches the area', async () => {
    const { requests } = backend(viewer, { [city.code]: [2023, 2022, 2019], [takasu.code]: [2021] });
    renderAt('/support/stats');
    expect(await screen.findByRole('heading', { level: 2, name: '北九州市 令和5年度 (2023)' })).toBeTruthy();
    const year = screen.getByLabelText('年度') as HTMLSelectElement;
    expect(year.value).toBe('2023');
    expect(Array.from(year.options).map((o) => o.textContent)).toEqual(['令和5年度 (2023)', '令和4年度 (2022)', '令和元年度 (2019)']);
    const area = screen.getByLabelText('地域') as HTMLSelectElement;
    expect(Array.from(area.querySelectorAll('optgroup')).map((g) => g.label)).toEqual(['市', '区', '校区']);
    // Every area the API has, by kind; a retired district still has its past figures, and says it is retired.
    expect(Array.from(area.options).map((o) => o.textContent)).toEqual(['北九州市', '門司区', '高須', '庄司', '旧校区（廃止）']);

    await userEvent.selectOptions(year, '2022');
    expect(await screen.findByRole('heading', { level: 2, name: '北九州市 令和4年度 (2022)' })).toBeTruthy();
    await userEvent.selectOptions(area, takasu.code);
    // The year chosen stays, though 高須 has no records then: the list keeps it on offer.
    expect(await screen.findByRole('heading', { level: 2, name: '高須 令和4年度 (2022)' })).toBeTruthy();
    expect(Array.from(year.options).map((o) => o.value)).toEqual(['2022', '2021']);
    const yearCalls = requests.filter((r) => r.url.includes('/support-stats/years')).map((r) => new URL(r.url).searchParams.get('area'));
    expect(yearCalls).toEqual([city.code, takasu.code]);
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
    expect(Array.from(area.options).map((o) => o.textContent)).toEqual(['高須', '庄司', '北九州市', '門司区', '旧校区（廃止）']);
  });

  it('tells a coordinator without districts to ask for them', async () => {
    backend({ ...coordinator, districts: [] });
    renderAt('/support/stats');
    expect(await screen.findByText('担当地区が設定されていません。管理者に担当地区の設定を依頼してください。')).toBeTruthy();
    expect(screen.queryByLabelText('地域')).toBeNull();
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
