import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { allItems, LIST_PAGE_SIZE, nextCursorOf } from '@/lib/api/paging';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { supportKey } from '@/lib/api/support-key';

export type SupportRequest = components['schemas']['SupportRequestResponse'];
export type SupportRequestCreate = components['schemas']['SupportRequestCreate'];
export type SupportRequestUpdate = components['schemas']['SupportRequestUpdate'];
export type RequestTimeline = components['schemas']['RequestTimeline'];
export type RequestEvent = components['schemas']['RequestEvent'];
export type CandidateList = components['schemas']['CandidateList'];
export type Candidate = components['schemas']['Candidate'];
export type WindowCategory = components['schemas']['WindowCategory'];
export type RequestStatus = components['schemas']['RequestStatus'];
export type AssignmentStatus = components['schemas']['AssignmentStatus'];
export type PaymentPreference = components['schemas']['PaymentPreference'];
export type Urgency = components['schemas']['Urgency'];
type SupportRequestList = components['schemas']['SupportRequestList'];

/*
 * The creating POSTs (a request, a proposal) carry an Idempotency-Key, so a double click or a resubmission after a
 * lost answer gets the first answer back instead of making it twice.
 */

/**
 * The caller's requests (of one status, or all), newest first, a page at a time: data is every row loaded so
 * far, fetchNextPage asks for older ones while hasNextPage.
 */
export function useSupportRequests(status?: RequestStatus, enabled = true) {
  return useInfiniteQuery({
    enabled,
    queryKey: [...supportKey, 'requests', 'list', status ?? null],
    queryFn: async ({ pageParam }): Promise<SupportRequestList> =>
      unwrap(
        await api.GET('/api/v1/support-requests', {
          params: { query: { status: status || undefined, limit: LIST_PAGE_SIZE, cursor: pageParam } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextCursorOf,
    select: allItems,
  });
}

export function useCreateSupportRequest() {
  const queryClient = useQueryClient();
  const keys = useIdempotencyKey<SupportRequestCreate>();
  return useMutation({
    mutationFn: async (body: SupportRequestCreate) =>
      unwrap(await api.POST('/api/v1/support-requests', { params: { header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onSuccess: (_, body) => {
      keys.done(body);
      return queryClient.invalidateQueries({ queryKey: supportKey });
    },
  });
}

export const requestKey = (id: number) => [...supportKey, 'requests', 'detail', id] as const;

export function useSupportRequest(id: number | undefined) {
  return useQuery({
    queryKey: requestKey(id ?? 0),
    queryFn: async () => unwrap(await api.GET('/api/v1/support-requests/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined && Number.isFinite(id),
  });
}

/**
 * 経過: everything that happened to the request, oldest first, with who and when, and the activity minutes summed.
 * Under supportKey, so any change to the request (or its proposals and activities) reads it again.
 */
export function useSupportRequestTimeline(id: number) {
  return useQuery({
    queryKey: [...supportKey, 'requests', 'timeline', id],
    queryFn: async (): Promise<RequestTimeline> =>
      unwrap(await api.GET('/api/v1/support-requests/{id}/timeline', { params: { path: { id } } })),
  });
}

/**
 * 内容を直す while the request is open: sent with the version it was read at (409 stale-version when someone changed
 * it since, 409 invalid-transition once it is finished, 400 naming the fields). The page shows the answer at once.
 */
export function useUpdateSupportRequest(requestId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SupportRequestUpdate): Promise<SupportRequest> =>
      unwrap(await api.PUT('/api/v1/support-requests/{id}', { params: { path: { id: requestId } }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(requestKey(requestId), saved);
      return queryClient.invalidateQueries({ queryKey: supportKey });
    },
  });
}

/** 完了・取消 → 調整中 again, with the reason (required: 422 naming `reason` when blank, 409 for any other state). */
export function useReopenSupportRequest(requestId: number) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: async (reason: string): Promise<SupportRequest> =>
      unwrap(await api.POST('/api/v1/support-requests/{id}/reopen', { params: { path: { id: requestId } }, body: { reason } })),
    onSettled: invalidate,
  });
}

/** Candidates ranked by score with the parts of the score (only a read: the request stays as it is). */
export function useSupportCandidates(id: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...supportKey, 'requests', 'candidates', id ?? 0],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/support-requests/{id}/candidates', { params: { path: { id: id! } } })),
    enabled: enabled && id !== undefined && Number.isFinite(id),
  });
}

/** After any change to a request: its page, the lists, the supporters' loads and the statistics. */
export function useInvalidateSupport() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: supportKey });
}

/** Proposes the request to a supporter (an assignment 依頼中). */
export function useAssignSupporter(requestId: number) {
  const invalidate = useInvalidateSupport();
  // The request is part of what is asked: the same supporter for another request is another proposal.
  const keys = useIdempotencyKey<{ requestId: number; supporterId: number }>();
  return useMutation({
    mutationFn: async (supporterId: number) =>
      unwrap(
        await api.POST('/api/v1/support-requests/{id}/assignments', {
          params: { path: { id: requestId }, header: { 'Idempotency-Key': keys.keyFor({ requestId, supporterId }) } },
          body: { supporterId },
        }),
      ),
    onSuccess: (_, supporterId) => keys.done({ requestId, supporterId }),
    onSettled: invalidate,
  });
}

/** 受付 → 調整中: the coordinator starts looking for a supporter (again while 調整中 changes nothing). */
export function useStartMatching(requestId: number) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/support-requests/{id}/start-matching', { params: { path: { id: requestId } } })),
    onSettled: invalidate,
  });
}

export function useReferSupportRequest(requestId: number) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: async (windowCategory: WindowCategory) =>
      unwrap(
        await api.POST('/api/v1/support-requests/{id}/refer', {
          params: { path: { id: requestId } },
          body: { windowCategory },
        }),
      ),
    onSettled: invalidate,
  });
}

export function useCancelSupportRequest(requestId: number) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/support-requests/{id}/cancel', { params: { path: { id: requestId } } })),
    onSettled: invalidate,
  });
}
