import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { supportKey } from '@/lib/api/support-key';

export type SupportCategory = components['schemas']['SupportCategoryResponse'];
export type SupportCategoryRequest = components['schemas']['SupportCategoryRequest'];

const categoriesKey = [...supportKey, 'categories'] as const;

/** 困りごとの種類 in use (retired ones are not listed), in their order. */
export function useSupportCategories(enabled = true) {
  return useQuery({
    queryKey: categoriesKey,
    queryFn: async () => unwrap(await api.GET('/api/v1/support-categories')),
    staleTime: 30 * 60_000,
    enabled,
  });
}

/**
 * Adds a category under a new code, or changes the one with that code (ADMIN). `active: false` retires
 * it: past consultations and statistics keep it, but it is no longer listed or offered.
 */
export function usePutSupportCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ code, body }: { code: string; body: SupportCategoryRequest }) =>
      unwrap(await api.PUT('/api/v1/support-categories/{code}', { params: { path: { code } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoriesKey }),
  });
}
