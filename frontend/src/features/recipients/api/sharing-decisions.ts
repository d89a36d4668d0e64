import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { supportKey } from '@/lib/api/support-key';

export type SharingDecision = components['schemas']['SharingDecisionResponse'];
export type SharingDecisionRequest = components['schemas']['SharingDecisionRequest'];

/** Under the recipient's own key, so that what refreshes the recipient refreshes their decisions too. */
const decisionsKey = (recipientId: number) => [...supportKey, 'recipient', recipientId, 'sharing-decisions'] as const;

/**
 * 支援会議 decisions (社会福祉法第106条の6) to share a recipient's information, the latest meeting first; 404 outside
 * the caller's districts. Every read is audited, so it is asked only where the decisions are shown.
 */
export function useSharingDecisions(recipientId: number) {
  return useQuery({
    queryKey: decisionsKey(recipientId),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/recipients/{id}/sharing-decisions', { params: { path: { id: recipientId } } })),
  });
}

/**
 * Records a 支援会議's decision (ADMIN, COORDINATOR): 201 with the decision, 422 naming `meetingDate` for a meeting
 * still to come, 400 naming the blank fields. From then on the recipient's 依頼票 carry their contact even without
 * their consent, so every support query (the decisions, the cards) is read afresh.
 */
export function useRecordSharingDecision(recipientId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: SharingDecisionRequest) =>
      unwrap(await api.POST('/api/v1/recipients/{id}/sharing-decisions', { params: { path: { id: recipientId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKey }),
  });
}
