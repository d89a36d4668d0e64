import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type Area = components['schemas']['AreaResponse'];
export type AreaRef = components['schemas']['AreaRef'];
export type AreaKind = components['schemas']['AreaKind'];

/** All school districts (校区) the caller may see, fetched once and kept for the session. */
export const schoolDistrictsQueryOptions = queryOptions({
  queryKey: ['areas', { kind: 'SCHOOL_DISTRICT' }],
  queryFn: async () => {
    const items: Area[] = [];
    let cursor: string | undefined;
    // A city has a few dozen districts; the cursor loop only matters for a very large tenant.
    for (let page = 0; page < 20; page++) {
      const result = unwrap(
        await api.GET('/api/v1/areas', { params: { query: { kind: 'SCHOOL_DISTRICT', limit: 1000, cursor } } }),
      );
      items.push(...(result.items ?? []));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    return items;
  },
  staleTime: 30 * 60_000,
});

export function useSchoolDistricts() {
  return useQuery(schoolDistrictsQueryOptions);
}
