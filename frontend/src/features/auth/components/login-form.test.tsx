import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { getAccessToken } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { LoginForm } from './login-form';

async function fillAndSubmit(username: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/ユーザー名/), username);
  await user.type(screen.getByLabelText(/パスワード/), password);
  await user.click(screen.getByRole('button', { name: 'ログイン' }));
}

describe('LoginForm', () => {
  it('shows that the credentials are wrong when the API answers 401', async () => {
    const { requests } = mockFetch(() =>
      jsonResponse({ type: '/problems/invalid-credentials', title: 'Unauthorized', status: 401, detail: 'Invalid credentials' }, 401),
    );
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);

    await fillAndSubmit('admin', 'wrong');

    expect(await screen.findByText('ユーザー名またはパスワードが正しくありません')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('ユーザー名またはパスワードが正しくありません');
    expect(onSuccess).not.toHaveBeenCalled();
    expect(getAccessToken()).toBeNull();
    expect(requests).toHaveLength(1);
    expect(new URL(requests[0].url).pathname).toBe('/api/v1/auth/token');
    expect(requests[0].method).toBe('POST');
    expect(await requests[0].json()).toEqual({ username: 'admin', password: 'wrong' });
  });

  it('keeps the token and reports success on 200', async () => {
    mockFetch(() => jsonResponse({ access_token: 'jwt-123', token_type: 'Bearer', expires_in: 3600 }));
    const onSuccess = vi.fn();
    renderWithProviders(<LoginForm onSuccess={onSuccess} />);

    await fillAndSubmit('admin', 'tsunagu-demo');

    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledOnce());
    expect(getAccessToken()).toBe('jwt-123');
  });

  it('shows the problem detail and field messages for a rejected request', async () => {
    mockFetch(() =>
      jsonResponse(
        {
          type: '/problems/validation',
          title: 'Bad Request',
          status: 400,
          detail: '入力内容を確認してください',
          errors: [{ field: 'issueToken.request.username', message: 'ユーザー名は64文字以内で入力してください' }],
        },
        400,
      ),
    );
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);

    await fillAndSubmit('x'.repeat(70), 'pw');

    expect(await screen.findByText('入力内容を確認してください')).toBeTruthy();
    expect(screen.getByText('ユーザー名は64文字以内で入力してください')).toBeTruthy();
  });

  it('asks for both fields before calling the API', async () => {
    const { spy } = mockFetch(() => jsonResponse({}));
    renderWithProviders(<LoginForm onSuccess={vi.fn()} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'ログイン' }));
    expect(screen.getByText('ユーザー名を入力してください')).toBeTruthy();
    expect(screen.getByText('パスワードを入力してください')).toBeTruthy();
    expect(spy).not.toHaveBeenCalled();
  });
});
