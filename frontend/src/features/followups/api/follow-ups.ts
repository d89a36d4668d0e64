import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { supportKey } from '@/lib/api/support-key';

export type FollowUpQueue = components['schemas']['FollowUpQueue'];
export type FollowUpItem = components['schemas']['FollowUpItem'];
export type FollowUpKind = components['schemas']['FollowUpKind'];
export type FollowUpCounts = components['schemas']['FollowUpCounts'];
export type FollowUpSettings = components['schemas']['FollowUpSettingsResponse'];
export type FollowUpSettingsRequest = components['schemas']['FollowUpSettingsRequest'];

/**
 * Every query of 要対応 starts here, under supportKey: a change anywhere in 生活支援 (a proposal answered, an activity
 * recorded, a supporter registered) can add or remove an item, so the queue and the badge are read again with the rest.
 */
const followUpsKey = [...supportKey, 'follow-ups'] as const;
const countsKey = (area?: string) => [...followUpsKey, 'counts', area ?? null] as const;

/** How often the menu's badge is read again while a page of 生活支援 stays open (and on coming back to the window). */
export const COUNTS_REFRESH_MS = 5 * 60_000;

/**
 * 要対応 of the caller's districts (or of one area and what lies under it): the items with names (the API records
 * the read), the counts by kind and the thresholds they were found with. Read when the page opens and when asked
 * for, not on every return to the window: each read is a row in the audit log. The counts of the caller's whole
 * queue also go to the menu's badge, so that the two agree.
 */
export function useFollowUps(area: string | undefined, enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: [...followUpsKey, 'queue', area ?? null],
    queryFn: async () => {
      const queue = unwrap(await api.GET('/api/v1/follow-ups', { params: { query: { area: area || undefined } } }));
      if (!area) queryClient.setQueryData<FollowUpCounts>(countsKey(), { counts: queue.counts, total: queue.total });
      return queue;
    },
    enabled,
  });
}

/** How many items of each kind, no names (not audited): the badge in 生活支援のメニュー, kept fresh modestly. */
export function useFollowUpCounts(enabled = true) {
  return useQuery({
    queryKey: countsKey(),
    queryFn: async () => unwrap(await api.GET('/api/v1/follow-up-counts')),
    enabled,
    staleTime: 60_000,
    refetchOnWindowFocus: true,
    refetchInterval: COUNTS_REFRESH_MS,
  });
}

/** The city's thresholds as stored now (the form to change them starts from this, and sends back its version). */
export function useFollowUpSettings(enabled = true) {
  return useQuery({
    queryKey: [...followUpsKey, 'settings'],
    queryFn: async () => unwrap(await api.GET('/api/v1/follow-up-settings')),
    enabled,
    staleTime: 0,
  });
}

/** Changes the thresholds (ADMIN; 409 when someone saved first): the queue, the badge and the settings are read again. */
export function useUpdateFollowUpSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: FollowUpSettingsRequest) => unwrap(await api.PUT('/api/v1/follow-up-settings', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followUpsKey }),
  });
}
