import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KpiComparisonItem } from '@/features/indicators/api/definitions';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { KpiCompareRoute } from './kpi-compare';

function me(roles: string[]) {
  return { subject: 'u', displayName: 'u', kind: 'USER', roles, scopes: [], districts: [] };
}

const scActivities = {
  code: 'sc-activities', name: '生活支援コーディネーターの活動回数', unit: '回', description: '第1層・第2層の活動回数', indicators: 2,
};
const salons = { code: 'salons', name: 'サロンの数', unit: 'か所', description: null, indicators: 0 };

function item(cityCode: string, cityName: string, extra: Partial<KpiComparisonItem> = {}): KpiComparisonItem {
  return {
    cityCode, cityName, planCode: `plan-${cityCode}`, planTitle: `${cityName}介護保険事業計画`, indicatorCode: `ind-${cityCode}`,
    indicatorName: '生活支援コーディネーターの活動回数', unit: '回', actual: null, target: null, achievementRate: null, grade: null,
    olderPopulation: null, actualPer10000: null, targetPer10000: null, ...extra,
  };
}

const kitakyushu = (extra: Partial<KpiComparisonItem> = {}) =>
  item('40100', '北九州市', {
    actual: 697, target: 650, achievementRate: 107.2, grade: 'A', olderPopulation: 280_000, actualPer10000: 24.89, targetPer10000: 23.21, ...extra,
  });
const kurume = (extra: Partial<KpiComparisonItem> = {}) =>
  item('40203', '久留米市', {
    actual: 120, target: 200, achievementRate: 60, grade: 'C', olderPopulation: 80_000, actualPer10000: 15, targetPer10000: 25, ...extra,
  });

interface Backend {
  roles?: string[];
  items?: (definition: string, fiscalYear: number) => KpiComparisonItem[];
  onCreate?: (request: Request) => Response | Promise<Response>;
  onPopulation?: (request: Request) => Response | Promise<Response>;
}

function backend({ roles = ['VIEWER'], items = () => [kitakyushu(), kurume()], onCreate, onPopulation }: Backend = {}) {
  const definitions = [salons, scActivities].toSorted((a, b) => a.code.localeCompare(b.code));
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(me(roles));
    if (url.pathname === '/api/v1/indicator-definitions' && request.method === 'GET') return jsonResponse({ items: definitions });
    if (url.pathname === '/api/v1/indicator-definitions' && request.method === 'POST' && onCreate) {
      const response = await onCreate(request);
      if (response.ok) definitions.push(await response.clone().json());
      return response;
    }
    if (url.pathname === '/api/v1/kpis/compare') {
      const code = url.searchParams.get('definition')!;
      const fiscalYear = Number(url.searchParams.get('fiscalYear'));
      const definition = definitions.find((d) => d.code === code);
      if (!definition) return jsonResponse({ status: 404, detail: `共通の指標定義 ${code} はありません。` }, 404);
      return jsonResponse({ definition, fiscalYear, items: code === 'sc-activities' ? items(code, fiscalYear) : [] });
    }
    if (url.pathname === '/api/v1/areas' && url.searchParams.get('kind') === 'CITY') {
      return jsonResponse({
        items: [
          { code: '40100', name: '北九州市', kana: 'きたきゅうしゅうし', kind: 'CITY', parentCode: null, path: [], retired: false, version: 0 },
          { code: '40203', name: '久留米市', kana: 'くるめし', kind: 'CITY', parentCode: null, path: [], retired: false, version: 0 },
          { code: '40999', name: '廃止した市', kana: 'はいし', kind: 'CITY', parentCode: null, path: [], retired: true, version: 0 },
        ],
        nextCursor: null,
      });
    }
    if (url.pathname.startsWith('/api/v1/older-populations/') && request.method === 'PUT' && onPopulation) return onPopulation(request);
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderAt(route = '/kpis/compare') {
  return renderWithProviders(
    <Routes>
      <Route path="/kpis/compare" element={<KpiCompareRoute />} />
    </Routes>,
    { route },
  );
}

const TABLE = '生活支援コーディネーターの活動回数の市別の実績（令和4年度 (2022)）';

function cells(row: HTMLElement) {
  return [within(row).getByRole('rowheader'), ...within(row).getAllByRole('cell')].map((c) => c.textContent);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('市の比較', () => {
  it('shows each city per 10,000 older residents when every city has its population, in a chart named by its figures and a table', async () => {
    const { requests } = backend();
    renderAt('/kpis/compare?definition=sc-activities&fiscalYear=2022');

    const table = await screen.findByRole('table', { name: TABLE });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '市', '計画', '実績', '目標', '達成率 %', '評価', '65歳以上人口', '高齢者1万人あたり実績',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(cells(rows[0])).toEqual([
      '北九州市', '北九州市介護保険事業計画生活支援コーディネーターの活動回数', '697 回', '650 回', '107.2', 'A', '280,000 人', '24.89 回',
    ]);
    expect(within(rows[0]).getByLabelText('評価 A')).toBeTruthy();
    expect(within(rows[0]).getByRole('link', { name: '北九州市介護保険事業計画' }).getAttribute('href')).toBe('/plans/plan-40100');
    expect(within(rows[0]).getByRole('link', { name: '生活支援コーディネーターの活動回数' }).getAttribute('href')).toBe('/indicators/ind-40100');
    expect(cells(rows[1])[0]).toBe('久留米市');

    const chart = screen.getByRole('img', {
      name: '生活支援コーディネーターの活動回数の市別の実績、令和4年度 (2022)、高齢者1万人あたり: 北九州市 24.89回（目標 23.21回）、久留米市 15回（目標 25回）',
    });
    expect(within(chart).getAllByTestId('comparison-value').map((t) => t.textContent)).toEqual(['24.89回', '15回']);
    expect(screen.getByText(/^高齢者（65歳以上）1万人あたりの実績（回）/)).toBeTruthy();
    // The longer bar is the larger figure, and each city's target is marked.
    const bars = [...chart.querySelectorAll('rect.chart__actual')].map((r) => Number(r.getAttribute('width')));
    expect(bars[0]).toBeGreaterThan(bars[1]);
    expect(within(chart).getAllByTestId('comparison-target')).toHaveLength(2);

    expect(new URL(requests.find((r) => r.url.includes('/kpis/compare'))!.url).search).toBe('?definition=sc-activities&fiscalYear=2022');
    // A viewer reads; only ADMIN and PLANNER get the forms.
    expect(screen.queryByRole('form', { name: '共通の指標定義をつくる' })).toBeNull();
    expect(requests.some((r) => r.url.includes('/areas'))).toBe(false);
  });

  it('shows the raw figures, and says so, when a city has no population that year; a city without a figure is 未報告', async () => {
    backend({
      items: () => [
        kitakyushu(),
        kurume({ olderPopulation: null, actualPer10000: null, targetPer10000: null }),
        item('43100', '熊本市', { target: 900, olderPopulation: 190_000, targetPer10000: 47.37 }),
      ],
    });
    renderAt('/kpis/compare?definition=sc-activities&fiscalYear=2022');

    const table = await screen.findByRole('table', { name: TABLE });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(cells(rows[1])).toEqual(['久留米市', '久留米市介護保険事業計画生活支援コーディネーターの活動回数', '120 回', '200 回', '60', 'C', '未登録', '—']);
    expect(cells(rows[2])).toEqual(['熊本市', '熊本市介護保険事業計画生活支援コーディネーターの活動回数', '未報告', '900 回', '—', '未評価', '190,000 人', '—']);

    const chart = screen.getByRole('img', {
      name: '生活支援コーディネーターの活動回数の市別の実績、令和4年度 (2022)、実数: 北九州市 697回（目標 650回）、久留米市 120回（目標 200回）、熊本市 未報告',
    });
    expect(within(chart).getAllByTestId('comparison-value').map((t) => t.textContent)).toEqual(['697回', '120回', '未報告']);
    // No bar for 熊本市, but its target is still marked.
    expect(chart.querySelectorAll('rect.chart__actual')).toHaveLength(2);
    expect(within(chart).getAllByTestId('comparison-target')).toHaveLength(3);
    expect(screen.getByText(/^実績の実数（回）。65歳以上人口が登録されていない市があるため、1万人あたりにしていません。/)).toBeTruthy();
  });

  it('opens on the first definition and this fiscal year in Japan, and asks again for the year chosen', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    // 31 March 2027 15:30 UTC is already 1 April in Tokyo: fiscal year 2027.
    vi.setSystemTime(new Date('2027-03-31T15:30:00Z'));
    const { requests } = backend();
    const user = userEvent.setup();
    renderAt();

    await screen.findByRole('heading', { level: 2, name: 'サロンの数（令和9年度 (2027)）' });
    expect((screen.getByLabelText('年度') as HTMLSelectElement).value).toBe('2027');
    expect(screen.getByText(/この定義につながる指標はまだありません/)).toBeTruthy();

    await user.selectOptions(screen.getByLabelText('共通の指標定義'), 'sc-activities');
    await user.selectOptions(screen.getByLabelText('年度'), '令和4年度 (2022)');
    await screen.findByRole('table', { name: TABLE });
    const asked = requests.filter((r) => r.url.includes('/kpis/compare')).map((r) => new URL(r.url).search);
    expect(asked).toEqual(['?definition=salons&fiscalYear=2027', '?definition=sc-activities&fiscalYear=2027', '?definition=sc-activities&fiscalYear=2022']);
  });

  it('lets a planner create a definition: a taken code in the API\'s words at the code, a field error at its field, then the new one chosen', async () => {
    let answer = 0;
    const { requests } = backend({
      roles: ['PLANNER'],
      onCreate: async (request) => {
        answer += 1;
        if (answer === 1) {
          return jsonResponse(
            { type: 'https://tsunagu.invalid/problems/definition-exists', status: 409, title: 'Conflict', detail: '共通の指標定義 sc-activities はすでにあります。' },
            409,
          );
        }
        if (answer === 2) {
          return jsonResponse(
            { status: 400, title: '入力内容に誤りがあります', detail: '入力内容に誤りがあります', errors: [{ field: 'createIndicatorDefinition.request.name', message: '空白だけの名称は登録できません' }] },
            400,
          );
        }
        const body = await request.json();
        return jsonResponse({ ...body, indicators: 0 }, 201);
      },
    });
    const user = userEvent.setup();
    renderAt('/kpis/compare?definition=sc-activities&fiscalYear=2022');
    await screen.findByRole('table', { name: TABLE });

    await user.click(screen.getByText('共通の指標定義をつくる', { selector: 'summary' }));
    const form = screen.getByRole('form', { name: '共通の指標定義をつくる' });
    const code = within(form).getByLabelText(/^コード/);
    const name = within(form).getByLabelText(/^名称/);

    // Checked here first: nothing is sent without a code and a name.
    await user.click(within(form).getByRole('button', { name: 'つくる' }));
    expect(code.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getAllByText('必須項目です')).toHaveLength(2);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.type(code, 'sc-activities');
    await user.type(name, '生活支援コーディネーターの活動回数');
    await user.type(within(form).getByLabelText(/^単位/), '回');
    await user.click(within(form).getByRole('button', { name: 'つくる' }));
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(code.getAttribute('aria-describedby')!.split(' ').pop()!)!.textContent).toBe(
      '共通の指標定義 sc-activities はすでにあります。',
    );
    expect(await requests.find((r) => r.method === 'POST')!.json()).toEqual({
      code: 'sc-activities', name: '生活支援コーディネーターの活動回数', unit: '回', description: null,
    });

    await user.clear(code);
    await user.type(code, 'salon-visits');
    await user.click(within(form).getByRole('button', { name: 'つくる' }));
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByText('空白だけの名称は登録できません')).toBeTruthy();
    expect(code.getAttribute('aria-invalid')).toBeNull();

    await user.click(within(form).getByRole('button', { name: 'つくる' }));
    await within(form).findByText(/「生活支援コーディネーターの活動回数」（salon-visits）をつくりました。/);
    await waitFor(() => expect((screen.getByLabelText('共通の指標定義') as HTMLSelectElement).value).toBe('salon-visits'));
  });

  it('lets an admin record a city\'s 65歳以上人口 for the year shown, from the cities in use', async () => {
    const { requests } = backend({
      roles: ['ADMIN'],
      onPopulation: async (request) => {
        const { population } = await request.json();
        return jsonResponse({ areaCode: '40203', areaName: '久留米市', fiscalYear: 2022, population });
      },
    });
    const user = userEvent.setup();
    renderAt('/kpis/compare?definition=sc-activities&fiscalYear=2022');
    await screen.findByRole('table', { name: TABLE });

    await user.click(screen.getByText('65歳以上人口を登録する', { selector: 'summary' }));
    const form = screen.getByRole('form', { name: '令和4年度 (2022)の65歳以上人口を登録する' });
    const city = within(form).getByLabelText(/^市/) as HTMLSelectElement;
    await waitFor(() => expect([...city.options].map((o) => o.textContent)).toEqual(['選んでください', '北九州市', '久留米市']));
    await user.selectOptions(city, '久留米市');
    await user.type(within(form).getByLabelText(/^65歳以上人口/), '８０,５００');
    await user.click(within(form).getByRole('button', { name: '登録する' }));

    await within(form).findByText('久留米市の令和4年度 (2022)の65歳以上人口を80,500人で登録しました。');
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(new URL(put.url).pathname).toBe('/api/v1/older-populations/40203/2022');
    expect(await put.json()).toEqual({ population: 80500 });
    // The comparison is read again, to show it per 10,000 once every city has its population.
    await waitFor(() => expect(requests.filter((r) => r.url.includes('/kpis/compare')).length).toBe(2));
  });
});
