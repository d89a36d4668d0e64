import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { coordinator, supporter } from '@/features/support/testing/fixtures';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { SupportSupportersRoute } from './support-supporters';

describe('担い手の一覧', () => {
  it('shades the free hours in the week grid and says them in words', async () => {
    const { requests } = mockFetch((request) => {
      const url = new URL(request.url);
      if (url.pathname === '/api/v1/me') return jsonResponse(coordinator);
      if (url.pathname === '/api/v1/supporters') return jsonResponse([supporter(), supporter({ id: 102, name: '鈴木 洋子', availability: [], openAssignments: 0 })]);
      return jsonResponse({ status: 404 }, 404);
    });
    renderWithProviders(
      <Routes>
        <Route path="/support/supporters" element={<SupportSupportersRoute />} />
      </Routes>,
      { route: '/support/supporters?area=40101-shoji' },
    );

    const grid = await screen.findByRole('img', { name: '佐藤 和子さんの空き時間: 火 08:00〜12:00、木 13:00〜17:00' });
    const free = Array.from(grid.querySelectorAll<HTMLElement>('[data-free="true"]')).map((c) => `${c.dataset.day}-${c.dataset.hour}`);
    expect(free).toEqual(['2-8', '2-9', '2-10', '2-11', '4-13', '4-14', '4-15', '4-16']);
    // 7 days × 8:00–18:00
    expect(grid.querySelectorAll('.week-grid__cell')).toHaveLength(70);
    expect(grid.querySelectorAll('.week-grid__cell--free')).toHaveLength(8);
    expect(screen.getByRole('img', { name: '鈴木 洋子さんの空き時間: 空き時間の登録なし' }).querySelectorAll('.week-grid__cell--free')).toHaveLength(0);

    const row = screen.getAllByTestId('supporter')[0];
    expect(within(row).getByText('ゴミ出し・掃除')).toBeTruthy();
    expect(within(row).getByLabelText('受け持ち 1件（上限 2件）').textContent).toBe('1/2');
    expect(new URL(requests.find((r) => r.url.includes('/supporters'))!.url).searchParams.get('area')).toBe('40101-shoji');
  });
});
