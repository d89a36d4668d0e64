import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { components } from '@/lib/api/schema';
import { saveSession } from '@/lib/session';
import { areasApi, coordinator, requestPage, supportRequest } from '@/testing/support-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { AppProvider } from '../provider';
import { routes } from '../router';

type Me = components['schemas']['MeResponse'];
type Role = components['schemas']['Role'];

const someone = (roles: Role[]): Me => ({ ...coordinator, subject: roles.join('-').toLowerCase(), roles });

/** The API of 生活支援 as far as its first pages read it: one request waiting, and 要対応 saying so. */
function backend(me: Me) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(me);
    const areas = areasApi(url);
    if (areas) return areas;
    const counts = { REQUEST_WAITING: 1, PROPOSAL_UNANSWERED: 0, ACTIVITY_MISSING: 0, SUPPORTER_IDLE: 0 };
    if (url.pathname === '/api/v1/follow-up-counts') return jsonResponse({ counts, total: 1 });
    if (url.pathname === '/api/v1/follow-ups') {
      const settings = { proposalDays: 3, waitingDays: 5, activityGraceDays: 7, idleSupporterDays: 90, version: 0 };
      return jsonResponse({ items: [], counts, total: 1, settings });
    }
    if (url.pathname === '/api/v1/support-requests') {
      const status = url.searchParams.get('status');
      const all = [supportRequest({ id: 7, recipientName: '庄司 一郎', status: 'RECEIVED' }), supportRequest({ id: 6, recipientName: '高須 花子', status: 'COMPLETED' })];
      return jsonResponse(requestPage(all.filter((r) => !status || r.status === status)));
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

/** The whole app (its router, its shell) at an address, signed in as `me`. */
function openApp(me: Me, at: string) {
  backend(me);
  saveSession('token', 3600);
  const router = createMemoryRouter(routes, { initialEntries: [at] });
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <AppProvider client={client}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return router;
}

const mainMenu = () => screen.getByRole('navigation', { name: 'メインメニュー' });
const supportMenu = () => screen.getByRole('navigation', { name: '生活支援のメニュー' });
const requestList = () => screen.findByRole('region', { name: /^相談の一覧/ });

describe('生活支援の最初のページ', () => {
  it('opens 要対応 for a coordinator choosing 生活支援, with 相談の一覧 one click away', async () => {
    const user = userEvent.setup();
    const router = openApp(someone(['COORDINATOR']), '/password');
    await user.click(await within(await screen.findByRole('navigation', { name: 'メインメニュー' })).findByRole('link', { name: '生活支援' }));

    expect(await screen.findByRole('heading', { level: 1, name: '要対応' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/support/follow-ups');
    expect(await screen.findByText('対応が必要なもの 合計 1件')).toBeTruthy();
    // Still within 生活支援 as far as the main menu goes, and 要対応 is the page the support menu marks.
    expect(within(mainMenu()).getByRole('link', { name: '生活支援' }).getAttribute('aria-current')).toBe('page');
    expect(within(supportMenu()).getByRole('link', { name: /^要対応/ }).getAttribute('aria-current')).toBe('page');

    await user.click(within(supportMenu()).getByRole('link', { name: '相談の一覧' }));
    expect(await screen.findByRole('heading', { level: 1, name: '生活支援' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/support/requests');
    const list = await requestList();
    await waitFor(() => expect(within(list).getAllByRole('rowheader').map((th) => within(th).getByRole('link').textContent)).toEqual(['庄司 一郎', '高須 花子']));
    expect(within(supportMenu()).getByRole('link', { name: '相談の一覧' }).getAttribute('aria-current')).toBe('page');
  });

  it.each([
    [['COORDINATOR'], '/support/follow-ups'],
    [['COORDINATOR', 'VIEWER'], '/support/follow-ups'],
    [['ADMIN'], '/support/requests'],
    [['COORDINATOR', 'ADMIN'], '/support/requests'],
    [['VIEWER'], '/support/stats'],
    [['PLANNER', 'APPROVER'], '/support/stats'],
  ] as [Role[], string][])('sends %j opening /support to %s', async (roles, start) => {
    const router = openApp(someone(roles), '/support');
    await waitFor(() => expect(router.state.location.pathname).toBe(start));
    // Nobody passes through 要対応 on the way elsewhere: it is the coordinator's page alone.
    if (start !== '/support/follow-ups') expect(screen.queryByRole('heading', { level: 1, name: '要対応' })).toBeNull();
  });

  it('keeps an administrator on 相談の一覧, as before 要対応 came first', async () => {
    const router = openApp(someone(['ADMIN']), '/support');
    expect(await screen.findByRole('heading', { level: 1, name: '生活支援' })).toBeTruthy();
    await requestList();
    expect(router.state.location.pathname).toBe('/support/requests');
    expect(screen.queryByRole('heading', { level: 1, name: '要対応' })).toBeNull();
  });

  it('still opens the list an old address of 相談の一覧 filtered by status, for a coordinator too', async () => {
    const router = openApp(someone(['COORDINATOR']), '/support?status=COMPLETED');
    expect(await screen.findByRole('heading', { level: 2, name: '相談の一覧（完了）' })).toBeTruthy();
    expect(router.state.location.pathname + router.state.location.search).toBe('/support/requests?status=COMPLETED');
    const list = await requestList();
    await waitFor(() => expect(within(list).getAllByRole('rowheader').map((th) => within(th).getByRole('link').textContent)).toEqual(['高須 花子']));
  });
});
