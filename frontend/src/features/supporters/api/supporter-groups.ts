import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { supportKey } from '@/lib/api/support-key';

export type SupporterGroup = components['schemas']['SupporterGroupResponse'];

/** 担い手グループ of the caller's districts, to put a supporter in one (paid or unpaid help). */
export function useSupporterGroups() {
  return useQuery({
    queryKey: [...supportKey, 'supporter-groups'],
    queryFn: async () => unwrap(await api.GET('/api/v1/supporter-groups')),
    staleTime: 30 * 60_000,
  });
}
