import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type LoginOptions = components['schemas']['LoginOptions'];

export const loginOptionsQueryOptions = queryOptions({
  queryKey: ['auth', 'options'],
  queryFn: async () => unwrap(await api.GET('/api/v1/auth/options')),
  staleTime: 5 * 60_000,
  // The login page falls back to the password form when this fails: no point making people wait for retries.
  retry: false,
});

/** How people may sign in here: the password form, the city's identity provider, or both. */
export function useLoginOptions(enabled = true) {
  return useQuery({ ...loginOptionsQueryOptions, enabled });
}
