import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { SupportRequest } from '@/features/requests/api/support-requests';
import { coordinator, requestPage, supportRequest, viewer } from '@/testing/support-fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportRequestsRoute } from './support-requests';

/** Requests 50, 49, … newest first, each for its own recipient so that the rows can be told apart. */
const requests = (n: number, extra: Partial<SupportRequest> = {}) =>
  Array.from({ length: n }, (_, i) => supportRequest({ id: 50 - i, recipientName: `要支援者 ${i + 1}`, ...extra }));

/**
 * The API over the requests, paged the way the server does: newest first (the order given), of the status asked
 * for, from after the cursor's request, at most `pageSize` rows (standing for the server's 100), with the cursor
 * of the next page while there are more.
 */
function backend(all: SupportRequest[], { pageSize = 100, me = coordinator } = {}) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/me') return jsonResponse(me);
    if (url.pathname === '/api/v1/support-requests') {
      const status = url.searchParams.get('status');
      const cursor = url.searchParams.get('cursor');
      const of = all.filter((r) => !status || r.status === status);
      const rest = cursor ? of.slice(of.findIndex((r) => `before-${r.id}` === cursor) + 1) : of;
      const items = rest.slice(0, Math.min(Number(url.searchParams.get('limit') ?? 100), pageSize));
      return jsonResponse(requestPage(items, rest.length > items.length ? `before-${items.at(-1)!.id}` : null));
    }
    return jsonResponse({ status: 404 }, 404);
  });
}

function renderPage(route = '/support/requests') {
  return renderWithProviders(
    <Routes>
      <Route path="/support/requests" element={<SupportRequestsRoute />} />
      <Route path="/support/stats" element={<p>地区の統計のページ</p>} />
    </Routes>,
    { route },
  );
}

const list = () => screen.getByRole('region', { name: /^相談の一覧/ });
const recipients = () => within(list()).getAllByRole('rowheader').map((th) => within(th).getByRole('link').textContent);
const listGets = (sent: Request[]) =>
  sent.filter((r) => new URL(r.url).pathname === '/api/v1/support-requests').map((r) => Object.fromEntries(new URL(r.url).searchParams));

describe('相談の一覧', () => {
  it('shows the newest page, appends older ones asked for with the cursor of the last answer, and ends', async () => {
    const user = userEvent.setup();
    const { requests: sent } = backend(requests(5), { pageSize: 2 });
    renderPage();

    await waitFor(() => expect(recipients()).toEqual(['要支援者 1', '要支援者 2']));
    expect(within(list()).getByText('2件を表示中')).toBeTruthy();
    expect(listGets(sent)).toEqual([{ limit: '100' }]);

    await user.click(within(list()).getByRole('button', { name: 'さらに表示' }));
    await waitFor(() => expect(recipients()).toEqual(['要支援者 1', '要支援者 2', '要支援者 3', '要支援者 4']));
    expect(within(list()).getByText('4件を表示中')).toBeTruthy();
    expect(listGets(sent)[1]).toEqual({ limit: '100', cursor: 'before-49' });

    await user.click(within(list()).getByRole('button', { name: 'さらに表示' }));
    await waitFor(() => expect(recipients()).toHaveLength(5));
    expect(listGets(sent)[2]).toEqual({ limit: '100', cursor: 'before-47' });
    // The last answer's nextCursor was null: nothing more to ask for.
    expect(within(list()).queryByRole('button', { name: 'さらに表示' })).toBeNull();
    expect(within(list()).getByText('5件を表示中')).toBeTruthy();
  });

  it('starts again from the newest page of the status chosen', async () => {
    const user = userEvent.setup();
    const all = [...requests(3), ...requests(3, { status: 'COMPLETED' }).map((r) => ({ ...r, id: r.id - 10, recipientName: `完了 ${r.recipientName}` }))];
    const { requests: sent } = backend(all, { pageSize: 2 });
    renderPage();

    await user.click(await within(await screen.findByRole('region', { name: '相談の一覧' })).findByRole('button', { name: 'さらに表示' }));
    await waitFor(() => expect(recipients()).toHaveLength(4));

    await user.selectOptions(screen.getByLabelText('状態'), '完了');
    expect(await screen.findByRole('heading', { name: '相談の一覧（完了）' })).toBeTruthy();
    await waitFor(() => expect(recipients()).toEqual(['完了 要支援者 1', '完了 要支援者 2']));
    expect(listGets(sent).at(-1)).toEqual({ status: 'COMPLETED', limit: '100' });
    expect(within(list()).getByText('2件を表示中')).toBeTruthy();
    expect(within(list()).getByRole('button', { name: 'さらに表示' })).toBeTruthy();
  });

  it('offers no more when the first page is the whole list, and says when there is none', async () => {
    backend([]);
    renderPage('/support/requests?status=RECEIVED');

    expect(await screen.findByText('該当する相談はありません。')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'さらに表示' })).toBeNull();
  });

  it('asks viewers for nothing and sends them to the statistics', async () => {
    const { requests: sent } = backend(requests(1), { me: viewer });
    renderPage();

    expect(await screen.findByText('地区の統計のページ')).toBeTruthy();
    expect(listGets(sent)).toEqual([]);
  });
});
