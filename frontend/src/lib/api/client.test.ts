import { afterEach, describe, expect, it, vi } from 'vitest';
import { getAccessToken, saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { api, setUnauthorizedHandler } from './client';
import { ApiError, unwrap } from './problem';

afterEach(() => setUnauthorizedHandler(() => {}));

describe('api client', () => {
  it('sends the session token as a bearer token', async () => {
    saveSession('jwt-abc', 600);
    const { requests } = mockFetch(() =>
      jsonResponse({ subject: 'admin', displayName: '管理者', kind: 'USER', roles: ['ADMIN'], scopes: [], districts: [] }),
    );
    const me = unwrap(await api.GET('/api/v1/me'));
    expect(me.displayName).toBe('管理者');
    expect(requests[0].headers.get('Authorization')).toBe('Bearer jwt-abc');
  });

  it('clears the session and hands over to the login page on 401', async () => {
    saveSession('jwt-expired', 600);
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    mockFetch(() => jsonResponse({ title: 'Unauthorized', status: 401 }, 401));

    await expect(api.GET('/api/v1/me').then(unwrap)).rejects.toBeInstanceOf(ApiError);
    expect(getAccessToken()).toBeNull();
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('does not treat a failed login as an expired session', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    mockFetch(() => jsonResponse({ status: 401 }, 401));
    await api.POST('/api/v1/auth/token', { body: { username: 'a', password: 'b' } });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('does not treat a wrong setup code at 初期設定 as an expired session', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    mockFetch(() => jsonResponse({ type: '/problems/invalid-setup-code', status: 401 }, 401));
    await api.POST('/api/v1/setup', { body: { setupCode: 'x', username: 'kanri', displayName: '管理者', password: 'p' } });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('forgets a token whose lifetime has passed', () => {
    saveSession('jwt-old', 60, Date.now() - 120_000);
    expect(getAccessToken()).toBeNull();
  });

  it('carries the problem detail and field errors', async () => {
    mockFetch(() =>
      jsonResponse({ status: 400, detail: '相談の種類が正しくありません', errors: [{ field: 'routeConsultation.category', message: '不明な種類です' }] }, 400),
    );
    const error = await api
      .GET('/api/v1/consultation-windows/route', { params: { query: { area: '日吉校区', category: 'ELDERLY' } } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe('相談の種類が正しくありません');
    expect((error as ApiError).fieldError('category')).toBe('不明な種類です');
  });
});
