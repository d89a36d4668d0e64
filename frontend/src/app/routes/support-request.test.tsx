import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { candidates, coordinator, supportRequest, viewer } from '@/features/support/testing/fixtures';
import { REPEAT_WINDOW_MS } from '@/lib/api/idempotency';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportRequestRoute } from './support-request';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function renderAt(route = '/support/requests/42') {
  return renderWithProviders(
    <Routes>
      <Route path="/support/requests/:id" element={<SupportRequestRoute />} />
    </Routes>,
    { route },
  );
}

describe('相談の詳細', () => {
  afterEach(() => vi.useRealTimers());

  it('lists the candidates with every part of the score as a bar and a number, and the total', async () => {
    mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(supportRequest());
      if (url.pathname === '/api/v1/support-requests/42/candidates') return jsonResponse(candidates);
      return jsonResponse({ status: 404 }, 404);
    });
    renderAt();

    expect(await screen.findByRole('heading', { level: 1, name: '相談 42: 庄司 一郎さん' })).toBeTruthy();
    expect(screen.getByText('毎週 火曜 09:00〜10:00')).toBeTruthy();
    const table = await screen.findByRole('table', { name: /候補の担い手/ });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual([
      '順位', '担い手', '得点', '近さ重み 0.35', '空き時間重み 0.25', '受け持ち重み 0.15', '継続性重み 0.15', '公平性重み 0.10', '受け持ち', '操作',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const cells = within(rows[0]).getAllByRole('cell');
    // 順位, 得点, 5 parts, 受け持ち, 操作
    expect(cells.slice(1, 7).map((c) => c.textContent)).toEqual(['0.745', '0.70', '1.00', '0.50', '0.00', '1.00']);
    const bars = Array.from(rows[0].querySelectorAll<HTMLElement>('.score-part__bar')).map((b) => b.style.width);
    expect(bars).toEqual(['74.5%', '70%', '100%', '50%', '0%', '100%']);
    expect(cells[7].textContent).toBe('1/2');
    expect(within(rows[1]).getAllByRole('cell')[6].textContent).toBe('0.33');
    expect(within(rows[0]).getByRole('button', { name: '佐藤 和子さんに依頼する' })).toBeTruthy();
  });

  it('proposes to a candidate and shows the 409 message when the supporter is full', async () => {
    const { requests } = mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(supportRequest());
      if (url.pathname === '/api/v1/support-requests/42/candidates') return jsonResponse(candidates);
      if (url.pathname === '/api/v1/support-requests/42/assignments' && request.method === 'POST') {
        return jsonResponse(
          { status: 409, title: 'Conflict', detail: '担い手「佐藤 和子」は受け持ちが上限に達しているか、活動していません。' },
          409,
        );
      }
      return jsonResponse({ status: 404 }, 404);
    });
    renderAt();
    await userEvent.click(await screen.findByRole('button', { name: '佐藤 和子さんに依頼する' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('依頼できませんでした');
    expect(alert.textContent).toContain('受け持ちが上限に達しているか');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).toEqual({ supporterId: 101 });
    expect(post.headers.get('Idempotency-Key')).toMatch(UUID);
  });

  it('records an activity once for a double click, and a second identical one on purpose under a new Idempotency-Key', async () => {
    vi.useFakeTimers({ toFake: ['Date'] }); // only the clock: the test moves it past the double-click window
    const user = userEvent.setup();
    const accepted = supportRequest({
      status: 'ASSIGNED',
      assignments: [{ id: 9, requestId: 42, supporterId: 101, supporterName: '佐藤 和子', status: 'ACCEPTED', createdOn: '2026-11-22', version: 1 }],
    });
    // Like the server: a key seen before gets the first answer again, and nothing new is recorded.
    const answers = new Map<string, unknown>();
    let recorded = 0;
    const { requests } = mockFetch(async (request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(accepted);
      if (url.pathname === '/api/v1/assignments/9/activities' && request.method === 'POST') {
        const key = request.headers.get('Idempotency-Key') ?? `none-${recorded}`;
        if (!answers.has(key)) answers.set(key, { id: ++recorded, assignmentId: 9, ...(await request.json()) });
        return jsonResponse(answers.get(key), 201);
      }
      return jsonResponse({ status: 404 }, 404);
    });
    renderAt();
    await user.click(await screen.findByText('活動を記録'));
    await user.clear(screen.getByLabelText(/^活動日/));
    await user.type(screen.getByLabelText(/^活動日/), '2026-11-24');
    const record = screen.getByRole('button', { name: '記録する' });

    await user.dblClick(record);
    expect(await screen.findByText('活動を記録しました。')).toBeTruthy();
    const doubleClick = requests.filter((r) => r.method === 'POST').map((r) => r.headers.get('Idempotency-Key'));
    expect(doubleClick[0]).toMatch(UUID);
    expect(new Set(doubleClick).size).toBe(1);
    expect(recorded).toBe(1);

    vi.setSystemTime(Date.now() + REPEAT_WINDOW_MS);
    await user.click(record);
    await waitFor(() => expect(recorded).toBe(2));
    const posts = requests.filter((r) => r.method === 'POST');
    const again = posts.at(-1)!;
    expect(await again.json()).toEqual({ date: '2026-11-24', minutes: 60, notes: null });
    expect(again.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(again.headers.get('Idempotency-Key')).not.toBe(doubleClick[0]);
  });

  it('offers 引受 and 辞退 for a proposal, and no candidates once assigned', async () => {
    const assigned = supportRequest({
      status: 'ASSIGNED',
      assignments: [{ id: 9, requestId: 42, supporterId: 101, supporterName: '佐藤 和子', status: 'PROPOSED', createdOn: '2026-11-22', version: 0 }],
    });
    const { requests } = mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname === '/api/v1/support-requests/42') return jsonResponse(assigned);
      if (url.pathname === '/api/v1/assignments/9/accept') {
        return jsonResponse({ ...assigned.assignments[0], status: 'ACCEPTED' });
      }
      return jsonResponse({ status: 404 }, 404);
    });
    renderAt();
    const accept = await screen.findByRole('button', { name: '佐藤 和子さんの引受' });
    expect(screen.getByRole('button', { name: '佐藤 和子さんの辞退' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: '候補の担い手' })).toBeNull();
    await userEvent.click(accept);
    expect(await screen.findByText('引き受けを記録しました。')).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST' && r.url.endsWith('/api/v1/assignments/9/accept'))).toBe(true);
    expect(requests.some((r) => r.url.includes('/candidates'))).toBe(false);
  });

  it('refuses a viewer', async () => {
    const { requests } = mockFetch((request) =>
      new URL(request.url).pathname === '/api/v1/me' ? jsonResponse(viewer) : jsonResponse({ status: 403 }, 403),
    );
    renderAt();
    expect(await screen.findByRole('heading', { name: 'このページを表示する権限がありません' })).toBeTruthy();
    await waitFor(() => expect(requests.every((r) => new URL(r.url).pathname === '/api/v1/me')).toBe(true));
  });
});
