import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { districts } from '@/testing/fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { DirectoryRoute } from './directory';

const hiyoshi = districts[0];

function api(routes: Record<string, (url: URL) => Response>) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    const handler = routes[url.pathname];
    return handler ? handler(url) : jsonResponse({ status: 404, detail: 'not mocked' }, 404);
  });
}

describe('相談先検索', () => {
  it('routes a school district and a category to its window', async () => {
    const { requests } = api({
      '/api/v1/areas': () => jsonResponse({ items: districts, nextCursor: null }),
      '/api/v1/consultation-windows/route': () =>
        jsonResponse({
          area: { code: hiyoshi.code, name: hiyoshi.name, kind: 'SCHOOL_DISTRICT' },
          category: 'ELDERLY',
          windows: [
            {
              id: 1,
              name: '中央地域包括支援センター',
              category: 'ELDERLY',
              phone: '0942-46-8711',
              fax: '0942-34-7217',
              address: null,
              servedArea: { code: hiyoshi.code, name: hiyoshi.name, kind: 'SCHOOL_DISTRICT' },
            },
          ],
        }),
    });
    const user = userEvent.setup();
    renderWithProviders(<DirectoryRoute />);

    await user.type(await screen.findByRole('combobox', { name: '校区' }), 'ひよし');
    await user.click(screen.getByRole('option', { name: /^日吉校区/ }));
    await user.selectOptions(screen.getByLabelText('相談の種類'), '高齢者');

    const card = await screen.findByRole('article', { name: '中央地域包括支援センター' });
    expect(within(card).getByRole('link', { name: '0942-46-8711' }).getAttribute('href')).toBe('tel:0942468711');
    expect(card.textContent).toContain('0942-34-7217');
    expect(card.textContent).toContain('担当: 日吉校区');
    expect(card.textContent).not.toContain('住所');

    const areaCall = new URL(requests.find((r) => r.url.includes('/areas'))!.url);
    expect(areaCall.searchParams.get('kind')).toBe('SCHOOL_DISTRICT');
    expect(areaCall.searchParams.get('limit')).toBe('500');
    const routeCall = new URL(requests.find((r) => r.url.includes('/route'))!.url);
    expect(routeCall.searchParams.get('area')).toBe(hiyoshi.code);
    expect(routeCall.searchParams.get('category')).toBe('ELDERLY');
  });

  it('says so when no window serves the district', async () => {
    api({
      '/api/v1/areas': () => jsonResponse({ items: districts, nextCursor: null }),
      '/api/v1/consultation-windows/route': () =>
        jsonResponse({ area: { code: 'x', name: '三池校区', kind: 'SCHOOL_DISTRICT' }, category: 'CHILD', windows: [] }),
    });
    const user = userEvent.setup();
    renderWithProviders(<DirectoryRoute />);
    await user.type(await screen.findByRole('combobox', { name: '校区' }), 'みいけ{Enter}');
    await user.selectOptions(screen.getByLabelText('相談の種類'), 'CHILD');
    expect(await screen.findByText('該当する相談窓口が見つかりません')).toBeTruthy();
  });

  it('shows the problem detail when the API refuses', async () => {
    api({
      '/api/v1/areas': () => jsonResponse({ items: districts, nextCursor: null }),
      '/api/v1/consultation-windows/route': () =>
        jsonResponse({ status: 404, title: 'Not Found', detail: '地域「三池校区」が見つかりません' }, 404),
    });
    const user = userEvent.setup();
    renderWithProviders(<DirectoryRoute />);
    await user.type(await screen.findByRole('combobox', { name: '校区' }), 'みいけ{Enter}');
    await user.selectOptions(screen.getByLabelText('相談の種類'), 'CHILD');
    expect((await screen.findByRole('alert')).textContent).toContain('地域「三池校区」が見つかりません');
  });
});
