import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type Me = components['schemas']['MeResponse'];
export type Role = components['schemas']['Role'];

export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: async () => unwrap(await api.GET('/api/v1/me')),
  staleTime: 5 * 60_000,
});

/** Who is signed in: display name, roles, districts. */
export function useMe(enabled = true) {
  return useQuery({ ...meQueryOptions, enabled });
}

export function hasRole(me: Me | undefined, role: Role): boolean {
  return me?.roles?.includes(role) ?? false;
}
