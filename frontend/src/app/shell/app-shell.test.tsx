import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { AppShell } from './app-shell';

function renderShell(roles: string[]) {
  mockFetch((request) =>
    new URL(request.url).pathname === '/api/v1/me'
      ? jsonResponse({ subject: 'u', displayName: '利用者', kind: 'USER', roles, scopes: [], districts: [] })
      : jsonResponse({ status: 404 }, 404),
  );
  return renderWithProviders(
    <Routes>
      <Route path="/" element={<AppShell />} />
    </Routes>,
  );
}

async function menuItems() {
  await screen.findByText('利用者 さん');
  return within(screen.getByRole('navigation', { name: 'メインメニュー' }))
    .getAllByRole('link')
    .map((a) => [a.textContent, a.getAttribute('href')]);
}

describe('メインメニュー', () => {
  it('gives an admin the two admin pages', async () => {
    renderShell(['ADMIN']);
    const items = await menuItems();
    expect(items).toContainEqual(['管理', '/admin/windows']);
    expect(items).toContainEqual(['困りごとの種類', '/admin/categories']);
  });

  it('gives a planner neither', async () => {
    renderShell(['PLANNER']);
    const labels = (await menuItems()).map(([label]) => label);
    expect(labels).toEqual(['相談先検索', '計画', '生活支援', '市民アンケート']);
  });
});
