import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { supportKey } from '@/lib/api/support-key';
import { useInvalidateSupport } from './support-requests';

export type Assignment = components['schemas']['AssignmentResponse'];
export type AssignmentHandout = components['schemas']['AssignmentHandout'];
export type ActivityRequest = components['schemas']['ActivityRequest'];
export type Activity = components['schemas']['ActivityResponse'];
export type ActivityList = components['schemas']['ActivityList'];
export type ActivityItem = components['schemas']['ActivityItem'];

export type AssignmentAction = 'accept' | 'decline' | 'complete';

export interface AssignmentTransition {
  assignmentId: number;
  action: AssignmentAction;
  /** Why the supporter declined (辞退 only; optional, kept in the request's 経過). */
  reason?: string | null;
}

/** 引受・辞退・完了 of a proposal; the request's state, the supporter's load and the statistics follow. */
export function useAssignmentTransition() {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: async ({ assignmentId, action, reason }: AssignmentTransition) => {
      const params = { params: { path: { id: assignmentId } } };
      switch (action) {
        case 'accept':
          return unwrap(await api.POST('/api/v1/assignments/{id}/accept', params));
        case 'decline':
          return unwrap(await api.POST('/api/v1/assignments/{id}/decline', { ...params, body: { reason: reason?.trim() || null } }));
        case 'complete':
          return unwrap(await api.POST('/api/v1/assignments/{id}/complete', params));
      }
    },
    onSettled: invalidate,
  });
}

/**
 * 依頼票 of one proposal: what the coordinator hands to the supporter. The recipient's contact and household
 * notes are in it only on a ground to share them — their consent, or a 支援会議's decision (sharingBasis, and
 * sharingGrounds in words); null otherwise, and note says so. 404 outside the caller's districts.
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

/** Whose activity records: one proposal's, or one supporter's (all their proposals). */
export type ActivityFilter = { assignment: number } | { supporter: number };

/**
 * 活動記録, newest first, with their minutes summed. Every read is audited (it tells whom was helped), so it is asked
 * only where the records are opened; nothing is kept after they are closed.
 */
export function useActivities(filter: ActivityFilter) {
  return useQuery({
    queryKey: [...supportKey, 'activities', filter],
    queryFn: async (): Promise<ActivityList> => unwrap(await api.GET('/api/v1/activities', { params: { query: filter } })),
    gcTime: 0,
  });
}

export interface RecordActivity {
  assignmentId: number;
  body: ActivityRequest;
}

/**
 * Records a day's activity; answers with the record made (201), or 422 naming `date` for a day still to come and
 * `minutes` for none. With an Idempotency-Key, so a resubmission after a lost answer does not record the day twice.
 */
export function useRecordActivity() {
  const invalidate = useInvalidateSupport();
  const keys = useIdempotencyKey<RecordActivity>();
  return useMutation({
    mutationFn: async (activity: RecordActivity): Promise<Activity> =>
      unwrap(
        await api.POST('/api/v1/assignments/{id}/activities', {
          params: { path: { id: activity.assignmentId }, header: { 'Idempotency-Key': keys.keyFor(activity) } },
          body: activity.body,
        }),
      ),
    onSuccess: (_, activity) => {
      keys.done(activity);
      // The 経過, the activity lists and the statistics (延べ活動時間) now count it.
      return invalidate();
    },
  });
}
