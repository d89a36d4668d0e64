import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COUNTS_REFRESH_MS } from '@/features/followups/api/follow-ups';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportNav } from './support-nav';

/** GET /follow-up-counts answering the total given now (names-free, so nothing else is in it). */
function backend(answer: { total: number | null }) {
  return mockFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/follow-up-counts' && answer.total !== null) {
      return jsonResponse({ counts: { REQUEST_WAITING: answer.total, PROPOSAL_UNANSWERED: 0, ACTIVITY_MISSING: 0, SUPPORTER_IDLE: 0 }, total: answer.total });
    }
    if (url.pathname === '/api/v1/follow-up-counts') return jsonResponse({ status: 500, detail: '障害' }, 500);
    return jsonResponse({ status: 404 }, 404);
  });
}

const menu = () => screen.getByRole('navigation', { name: '生活支援のメニュー' });
const countGets = (sent: Request[]) => sent.filter((r) => new URL(r.url).pathname === '/api/v1/follow-up-counts');

afterEach(() => {
  vi.useRealTimers();
});

describe('生活支援のメニュー', () => {
  it('starts with 要対応 and its count, read as 「要対応 5件」', async () => {
    backend({ total: 5 });
    renderWithProviders(<SupportNav canCoordinate />, { route: '/support/follow-ups' });

    const link = await within(menu()).findByRole('link', { name: '要対応 5件' });
    expect(link.querySelector('[aria-hidden="true"]')?.textContent).toBe('(5)');
    expect(link.textContent).toBe('要対応 (5)5件');
    expect(link.getAttribute('href')).toBe('/support/follow-ups');
    expect(link.getAttribute('aria-current')).toBe('page');
    expect(within(menu()).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual([
      '/support/follow-ups',
      '/support/requests',
      '/support/requests/new',
      '/support/batch',
      '/support/supporters',
      '/support/stats',
    ]);
  });

  it('shows 要対応 without a number until the count is known, or when it cannot be read', async () => {
    const { requests: sent } = backend({ total: null });
    renderWithProviders(<SupportNav canCoordinate />);

    expect(within(menu()).getByRole('link', { name: '要対応' })).toBeTruthy();
    await waitFor(() => expect(countGets(sent).length).toBeGreaterThan(0));
    expect(within(menu()).getByRole('link', { name: '要対応' }).textContent).toBe('要対応');
  });

  it('reads the count again every few minutes and on coming back to the window', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const answer = { total: 5 };
    const { requests: sent } = backend(answer);
    renderWithProviders(<SupportNav canCoordinate />);
    await within(menu()).findByRole('link', { name: '要対応 5件' });

    answer.total = 3;
    await act(() => vi.advanceTimersByTimeAsync(COUNTS_REFRESH_MS));
    await within(menu()).findByRole('link', { name: '要対応 3件' });
    expect(countGets(sent)).toHaveLength(2);

    // Back to the window a while later (a minute makes the count stale): read at once, not at the next interval.
    answer.total = 0;
    await act(() => vi.advanceTimersByTimeAsync(61_000));
    act(() => {
      window.dispatchEvent(new Event('visibilitychange'));
    });
    const link = await within(menu()).findByRole('link', { name: '要対応 0件' });
    expect(link.querySelector('[aria-hidden="true"]')?.textContent).toBe('(0)');
    expect(countGets(sent)).toHaveLength(3);
  });

  it('offers the statistics alone to those who do not coordinate, and asks for no count', async () => {
    const { requests: sent } = backend({ total: 5 });
    renderWithProviders(<SupportNav canCoordinate={false} />);

    expect(within(menu()).getAllByRole('link').map((a) => a.textContent)).toEqual(['地区の統計']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(countGets(sent)).toEqual([]);
  });
});
