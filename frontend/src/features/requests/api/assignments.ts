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

export type AssignmentAction = 'accept' | 'decline' | 'complete';

/** 引受・辞退・完了 of a proposal; the request's state, the supporter's load and the statistics follow. */
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

/**
 * Records a day's activity; answers with the record made (201). With an Idempotency-Key, so a resubmission after
 * a lost answer does not record the day twice.
 */
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
