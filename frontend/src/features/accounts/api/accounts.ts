import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { allItems, LIST_PAGE_SIZE, nextCursorOf } from '@/lib/api/paging';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type Account = components['schemas']['AccountResponse'];
export type CreateAccountRequest = components['schemas']['CreateAccountRequest'];
export type UpdateAccountRequest = components['schemas']['UpdateAccountRequest'];
export type Role = components['schemas']['Role'];
type AccountPage = components['schemas']['AccountPage'];

const accountsKey = ['accounts'] as const;

export interface AccountFilter {
  /** Part of a user name or display name. */
  q?: string;
  role?: Role;
}

/** 職員アカウント (ADMIN) in user-name order, a page at a time (さらに表示). */
export function useAccounts(filter: AccountFilter) {
  return useInfiniteQuery({
    queryKey: [...accountsKey, 'list', filter.q ?? '', filter.role ?? null],
    queryFn: async ({ pageParam }): Promise<AccountPage> =>
      unwrap(
        await api.GET('/api/v1/accounts', {
          params: { query: { q: filter.q || undefined, role: filter.role, limit: LIST_PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    select: allItems,
  });
}

/** One account as stored now: a change starts from this and sends back its version. */
export function useAccount(id: number) {
  return useQuery({
    queryKey: [...accountsKey, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/accounts/{id}', { params: { path: { id } } })),
    staleTime: 0,
  });
}

/** Creates an account; its person changes the initial password at the first sign-in. */
export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateAccountRequest) => unwrap(await api.POST('/api/v1/accounts', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  });
}

/** Changes display name, roles, districts or 有効/無効 (409 stale-version, 409 last-administrator). */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: UpdateAccountRequest }) =>
      unwrap(await api.PUT('/api/v1/accounts/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  });
}

/** Sets a temporary password, to be changed at the next sign-in. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, password }: { id: number; password: string }) =>
      unwrap(await api.POST('/api/v1/accounts/{id}/password-reset', { params: { path: { id } }, body: { password } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountsKey }),
  });
}
