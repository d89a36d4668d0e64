import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type SupportCategory = components['schemas']['SupportCategoryResponse'];
export type SupportCategoryRequest = components['schemas']['SupportCategoryRequest'];
export type Supporter = components['schemas']['SupporterResponse'];
export type SupporterRequest = components['schemas']['SupporterRequest'];
export type SupporterGroup = components['schemas']['SupporterGroupResponse'];
export type AvailabilitySlot = components['schemas']['AvailabilitySlot'];
export type Recipient = components['schemas']['RecipientResponse'];
export type RecipientRequest = components['schemas']['RecipientRequest'];
export type SupportRequest = components['schemas']['SupportRequestResponse'];
export type SupportRequestCreate = components['schemas']['SupportRequestCreate'];
export type Assignment = components['schemas']['AssignmentResponse'];
export type AssignmentHandout = components['schemas']['AssignmentHandout'];
export type CandidateList = components['schemas']['CandidateList'];
export type Candidate = components['schemas']['Candidate'];
export type CandidateScore = components['schemas']['CandidateScore'];
export type ActivityRequest = components['schemas']['ActivityRequest'];
export type Activity = components['schemas']['ActivityResponse'];
export type SupportStats = components['schemas']['SupportStats'];
export type WindowCategory = components['schemas']['WindowCategory'];
type SupporterPage = components['schemas']['SupporterPage'];
type SupportRequestList = components['schemas']['SupportRequestList'];

/**
 * Rows asked for at a time by the paged lists: the API's default, written out so that a change of the default on
 * the server does not change the SPA's pages. Longer lists go on with さらに表示.
 */
export const LIST_PAGE_SIZE = 100;

/** The rows of every page loaded so far, in the API's order. */
function allItems<T>(data: InfiniteData<{ items: T[] }>): T[] {
  return data.pages.flatMap((page) => page.items);
}

/** The cursor for the page after the last one, or undefined (TanStack: no next page) when the list has ended. */
function nextCursorOf(last: { nextCursor: string | null }): string | undefined {
  return last.nextCursor ?? undefined;
}

/** Every support query starts with this key, so one invalidation refreshes lists, details and statistics. */
export const supportKey = ['support'] as const;

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

/** 担い手グループ of the caller's districts, to put a supporter in one (paid or unpaid help). */
export function useSupporterGroups() {
  return useQuery({
    queryKey: [...supportKey, 'supporter-groups'],
    queryFn: async () => unwrap(await api.GET('/api/v1/supporter-groups')),
    staleTime: 30 * 60_000,
  });
}

/**
 * Registers a 担い手. A new supporter changes the supporter lists, the candidates of open requests and the
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

/** One 要支援者 as stored now (only the caller's districts), to change their details. */
export function useRecipient(id: number) {
  return useQuery({
    queryKey: [...supportKey, 'recipient', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/recipients/{id}', { params: { path: { id } } })),
    staleTime: 0,
  });
}

/**
 * Changes a 要支援者 (body.version required: 409 when someone saved first; 422 area-not-yours for a district
 * the caller does not hold). Their name is on requests and lists, and their area decides the candidates' 近さ
 * and which district's statistics count them, so every support query is refreshed.
 */
export function useUpdateRecipient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: RecipientRequest }) =>
      unwrap(await api.PUT('/api/v1/recipients/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKey }),
  });
}

/**
 * The most 要支援者 one search shows (the API's default, written out): a search that fills it may have left some
 * out, and the picker says so rather than paging through a common name.
 */
export const RECIPIENT_SEARCH_LIMIT = 50;

/** 要支援者 by name or reading (only the caller's districts), in kana order; nothing is asked until there is a query. */
export function useRecipientSearch(q: string) {
  return useQuery({
    queryKey: [...supportKey, 'recipients', q],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/recipients', { params: { query: { q, limit: RECIPIENT_SEARCH_LIMIT } } })),
    enabled: q.trim().length > 0,
  });
}

/*
 * The creating POSTs below carry an Idempotency-Key, so a double click or a resubmission after a lost answer
 * gets the first answer back instead of registering the recipient, request, proposal or activity twice.
 */

export function useCreateRecipient() {
  const queryClient = useQueryClient();
  const keys = useIdempotencyKey<RecipientRequest>();
  return useMutation({
    mutationFn: async (body: RecipientRequest) =>
      unwrap(await api.POST('/api/v1/recipients', { params: { header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onSuccess: (_, body) => {
      keys.done(body);
      return queryClient.invalidateQueries({ queryKey: [...supportKey, 'recipients'] });
    },
  });
}

/**
 * The caller's requests (of one status, or all), newest first, a page at a time: data is every row loaded so
 * far, fetchNextPage asks for older ones while hasNextPage.
 */
export function useSupportRequests(status?: string, enabled = true) {
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

const requestKey = (id: number) => [...supportKey, 'requests', 'detail', id] as const;

export function useSupportRequest(id: number | undefined) {
  return useQuery({
    queryKey: requestKey(id ?? 0),
    queryFn: async () => unwrap(await api.GET('/api/v1/support-requests/{id}', { params: { path: { id: id! } } })),
    enabled: id !== undefined && Number.isFinite(id),
  });
}

/** Candidates ranked by score with the parts of the score (asking moves a 受付 request to 調整中). */
export function useSupportCandidates(id: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [...supportKey, 'requests', 'candidates', id ?? 0],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/support-requests/{id}/candidates', { params: { path: { id: id! } } })),
    enabled: enabled && id !== undefined && Number.isFinite(id),
  });
}

/** After any change to a request: its page, the lists, the supporters' loads and the statistics. */
function useInvalidateSupport() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: supportKey });
}

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

export type AssignmentAction = 'accept' | 'decline' | 'complete';

export function useAssignmentTransition() {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: async ({ assignmentId, action }: { assignmentId: number; action: AssignmentAction }) => {
      const params = { params: { path: { id: assignmentId } } };
      switch (action) {
        case 'accept':
          return unwrap(await api.POST('/api/v1/assignments/{id}/accept', params));
        case 'decline':
          return unwrap(await api.POST('/api/v1/assignments/{id}/decline', params));
        case 'complete':
          return unwrap(await api.POST('/api/v1/assignments/{id}/complete', params));
      }
    },
    onSettled: invalidate,
  });
}

/**
 * 依頼票 of one proposal: what the coordinator hands to the supporter. The recipient's contact and household
 * notes are in it only when they consented (null otherwise, and note says so); 404 outside the caller's districts.
 */
export function useAssignmentHandout(assignmentId: number) {
  return useQuery({
    queryKey: [...supportKey, 'assignments', 'handout', assignmentId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/assignments/{id}/handout', { params: { path: { id: assignmentId } } })),
    // Read afresh each time the card is opened: a consent withdrawn since must take the contact off the sheet.
    staleTime: 0,
    // Every read is audited as a look at the recipient's details, and the contact should not linger in memory
    // once the card is closed: nothing is kept after it unmounts.
    gcTime: 0,
  });
}

export interface RecordActivity {
  assignmentId: number;
  body: ActivityRequest;
}

/** Records a day's activity; answers with the record made (201). */
export function useRecordActivity() {
  const keys = useIdempotencyKey<RecordActivity>();
  return useMutation({
    mutationFn: async (activity: RecordActivity): Promise<Activity> =>
      unwrap(
        await api.POST('/api/v1/assignments/{id}/activities', {
          params: { path: { id: activity.assignmentId }, header: { 'Idempotency-Key': keys.keyFor(activity) } },
          body: activity.body,
        }),
      ),
    onSuccess: (_, activity) => keys.done(activity),
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

/** Aggregates for a district, a ward or the city in one fiscal year (no personal data). */
export function useSupportStats(area: string, fiscalYear: number) {
  return useQuery({
    queryKey: [...supportKey, 'stats', area, fiscalYear],
    queryFn: async () => unwrap(await api.GET('/api/v1/support-stats', { params: { query: { area, fiscalYear } } })),
    enabled: Boolean(area) && Number.isInteger(fiscalYear),
  });
}
