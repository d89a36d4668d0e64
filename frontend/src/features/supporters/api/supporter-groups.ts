import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { supportKey } from '@/lib/api/support-key';

export type SupporterGroup = components['schemas']['SupporterGroupResponse'];
export type SupporterGroupRequest = components['schemas']['SupporterGroupRequest'];
export type Payment = components['schemas']['Payment'];

/** 担い手グループ of the caller's districts (retired ones too, marked active=false), to put a supporter in one. */
export function useSupporterGroups() {
  return useQuery({
    queryKey: [...supportKey, 'supporter-groups'],
    queryFn: async () => unwrap(await api.GET('/api/v1/supporter-groups')),
    staleTime: 30 * 60_000,
  });
}

/** Makes a group in one of the caller's districts: 409 group-name-taken, 422 area-not-yours. */
export function useCreateSupporterGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; areaCode: string; payment: Payment }) =>
      unwrap(await api.POST('/api/v1/supporter-groups', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKey }),
  });
}

/** Renames a group, sets 有償・無償, retires (active=false) or reopens it, with the version read (409 stale-version). */
export function useUpdateSupporterGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: { name: string; payment: Payment; active: boolean; version: number } }) =>
      unwrap(await api.PUT('/api/v1/supporter-groups/{id}', { params: { path: { id } }, body })),
    // Supporters show their group's name and payment: they are read again too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKey }),
  });
}
