import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { allItems, LIST_PAGE_SIZE, nextCursorOf } from '@/lib/api/paging';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { supportKey } from '@/lib/api/support-key';

export type Supporter = components['schemas']['SupporterResponse'];
export type SupporterRequest = components['schemas']['SupporterRequest'];
export type AvailabilitySlot = components['schemas']['AvailabilitySlot'];
type SupporterPage = components['schemas']['SupporterPage'];

/**
 * 担い手 of the caller's districts (or of one area and what lies under it), in order of registration, a page at
 * a time: data is every row loaded so far, fetchNextPage asks for the next page while hasNextPage. Invalidating
 * supportKey refetches the loaded pages from the first, so a supporter just registered is in them when the
 * pages reach the end of the list (the supporters page shows them meanwhile when they do not).
 */
export function useSupporters(area?: string) {
  return useInfiniteQuery({
    queryKey: [...supportKey, 'supporters', area ?? null],
    queryFn: async ({ pageParam }): Promise<SupporterPage> =>
      unwrap(
        await api.GET('/api/v1/supporters', {
          params: { query: { area: area || undefined, limit: LIST_PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    select: allItems,
  });
}

/** One 担い手 as stored now: the form to change them starts from this, and sends back its version. */
export function useSupporter(id: number) {
  return useQuery({
    queryKey: [...supportKey, 'supporter', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/supporters/{id}', { params: { path: { id } } })),
    // A change starts from what is stored now, not from a copy read minutes ago that would only earn a 409.
    staleTime: 0,
  });
}

/**
 * Registers a 担い手 (with an Idempotency-Key, so a double click or a resubmission after a lost answer gets the
 * first answer back). A new supporter changes the supporter lists, the candidates of open requests and the
 * statistics (登録している担い手), so every support query is refreshed; the list then shows them.
 */
export function useCreateSupporter() {
  const queryClient = useQueryClient();
  const keys = useIdempotencyKey<SupporterRequest>();
  return useMutation({
    mutationFn: async (body: SupporterRequest) =>
      unwrap(await api.POST('/api/v1/supporters', { params: { header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onSuccess: (_, body) => {
      keys.done(body);
      return queryClient.invalidateQueries({ queryKey: supportKey });
    },
  });
}

/**
 * Changes a 担い手 (body.version is the one the form was filled from: 409 stale-version when someone saved
 * first; 422 capacity-below-open when the limit is below what they hold now). What they can do, when, their
 * limit and 休止 all decide whom they are proposed for, so candidates and lists are refreshed with the rest.
 */
export function useUpdateSupporter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: SupporterRequest }) =>
      unwrap(await api.PUT('/api/v1/supporters/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKey }),
  });
}
