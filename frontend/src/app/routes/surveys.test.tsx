import { QueryClient } from '@tanstack/react-query';
type Role = import('@/lib/api/schema').components['schemas']['Role'];
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, Route, RouterProvider, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { emptySurvey, kumamotoR6, kumamotoResponses, me, nationalR5 } from '@/testing/survey-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { saveSession } from '@/lib/session';
import { AppProvider } from '../provider';
import { routes } from '../router';
import { AppShell } from '../shell/app-shell';
import { SurveysRoute } from './surveys';

function backend(roles: Role[], onCreate: (request: Request) => Response | Promise<Response> = () => jsonResponse(emptySurvey('RESPONSES'), 201)) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(me(roles));
    if (url.pathname === '/api/v1/surveys' && request.method === 'GET') return jsonResponse({ items: [kumamotoResponses, kumamotoR6, nationalR5] });
    if (url.pathname === '/api/v1/surveys' && request.method === 'POST') return onCreate(request);
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/surveys" element={<SurveysRoute />} />
      <Route path="/surveys/:code" element={<p>詳細ページ</p>} />
    </Routes>,
    { route: '/surveys' },
  );
}

describe('市民アンケート', () => {
  it('lists each survey with its year, area (or 全国), kind of data, respondents and the indicator it feeds', async () => {
    backend(['VIEWER']);
    renderPage();

    const table = await screen.findByRole('table', { name: '市民アンケートの一覧' });
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(within(rows[1]).getByRole('link', { name: kumamotoR6.title }).getAttribute('href')).toBe('/surveys/kumamoto-r6');
    expect(cells(rows[1])).toEqual(['令和5年度 (2023)', '熊本市', '公表値', '—', '孤独感の程度が高い市民の割合 37.4%（7〜9点＋10〜12点）']);
    expect(within(rows[1]).getByRole('link', { name: '孤独感の程度が高い市民の割合' }).getAttribute('href')).toBe('/indicators/kumamoto-5th-iv-3');
    expect(cells(rows[0]).slice(0, 4)).toEqual(['令和5年度 (2023)', '熊本市', '個票', '864人']);
    expect(cells(rows[2]).slice(0, 3)).toEqual(['令和5年度 (2023)', '全国', '公表値']);

    // A viewer reads; only planners register.
    expect(screen.queryByRole('heading', { name: 'アンケートを登録' })).toBeNull();
  });

  it('lets a planner register a survey and goes to its page', async () => {
    const { requests } = backend(['PLANNER']);
    const user = userEvent.setup();
    renderPage();

    await screen.findByRole('heading', { name: 'アンケートを登録' });
    await user.type(screen.getByLabelText(/^コード/), 'kumamoto-r7');
    await user.type(screen.getByLabelText(/^名称/), '熊本市 市民アンケート（R7）');
    await user.selectOptions(screen.getByLabelText(/^年度/), '2025');
    await user.type(screen.getByLabelText(/^対象地域/), '43100');
    await user.type(screen.getByLabelText(/^実施主体/), '熊本市');
    await user.click(screen.getByLabelText('個票から集計'));
    await user.selectOptions(screen.getByLabelText(/^比較の基準/), 'national-r5');
    await user.click(screen.getByRole('button', { name: '登録する' }));

    expect(await screen.findByText('詳細ページ')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({
      code: 'kumamoto-r7',
      title: '熊本市 市民アンケート（R7）',
      fiscalYear: 2025,
      areaCode: '43100',
      conductedBy: '熊本市',
      instrument: 'UCLA3',
      dataSource: 'RESPONSES',
      referenceCode: 'national-r5',
    });
  });

  it('checks the code before sending, and shows the server’s refusal next to the field', async () => {
    const { requests } = backend(['PLANNER'], () =>
      jsonResponse(
        {
          type: '/problems/survey-code-taken',
          title: 'すでに使われています',
          status: 409,
          detail: 'アンケートコード kumamoto-r6 はすでに使われています。',
        },
        409,
      ),
    );
    const user = userEvent.setup();
    renderPage();

    await screen.findByRole('heading', { name: 'アンケートを登録' });
    await user.type(screen.getByLabelText(/^コード/), 'Kumamoto R7');
    await user.click(screen.getByRole('button', { name: '登録する' }));
    expect(screen.getByText('英小文字・数字・ハイフンで指定してください')).toBeTruthy();
    expect(screen.getByText('必須項目です')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);

    await user.clear(screen.getByLabelText(/^コード/));
    await user.type(screen.getByLabelText(/^コード/), 'kumamoto-r6');
    await user.type(screen.getByLabelText(/^名称/), '重複');
    await user.click(screen.getByRole('button', { name: '登録する' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('すでに使われています');
    expect(alert.textContent).toContain('アンケートコード kumamoto-r6 はすでに使われています。');
  });

  it('tells a coordinator the page is not for them', async () => {
    const { requests } = backend(['COORDINATOR']);
    renderPage();
    expect(await screen.findByRole('heading', { name: 'このページを表示する権限がありません' })).toBeTruthy();
    expect(requests.some((r) => r.url.includes('/surveys'))).toBe(false);
  });
});

describe('メインメニュー', () => {
  function renderShell() {
    return renderWithProviders(
      <Routes>
        <Route path="/" element={<AppShell />} />
      </Routes>,
    );
  }

  it('shows 市民アンケート to those who may read surveys, not to a coordinator alone', async () => {
    backend(['APPROVER']);
    const first = renderShell();
    const nav = await screen.findByRole('navigation', { name: 'メインメニュー' });
    expect((await within(nav).findByRole('link', { name: '市民アンケート' })).getAttribute('href')).toBe('/surveys');
    first.unmount();

    backend(['COORDINATOR']);
    renderShell();
    await screen.findByText(/利用者 さん/);
    const menu = screen.getByRole('navigation', { name: 'メインメニュー' });
    expect(within(menu).getByRole('link', { name: '生活支援' })).toBeTruthy();
    expect(within(menu).queryByRole('link', { name: '市民アンケート' })).toBeNull();
  });
});

describe('the app’s router', () => {
  it('loads 市民アンケート on demand inside the shell', async () => {
    backend(['VIEWER']);
    saveSession('token', 3600);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <AppProvider client={client}>
        <RouterProvider router={createMemoryRouter(routes, { initialEntries: ['/surveys'] })} />
      </AppProvider>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: '市民アンケート' })).toBeTruthy();
    expect(await screen.findByRole('table', { name: '市民アンケートの一覧' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'メインメニュー' });
    expect(within(nav).getByRole('link', { name: '市民アンケート' }).getAttribute('aria-current')).toBe('page');
  });
});
