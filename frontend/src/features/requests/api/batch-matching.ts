import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { useInvalidateSupport } from './support-requests';

export type BatchProposalRequest = components['schemas']['BatchProposalRequest'];
export type BatchProposal = components['schemas']['BatchProposal'];
export type BatchRow = components['schemas']['BatchRow'];
export type BatchPick = components['schemas']['BatchPick'];
export type BatchAssignmentResult = components['schemas']['BatchAssignmentResult'];

/**
 * 一括マッチングの提案: the best assignment of the backlog the filter selects, beside what one request at a time
 * would give. Nothing is written (a POST only because the filter is a body), so it is asked when the coordinator
 * presses 提案を作る, not kept as a query.
 */
export function useProposeBatch() {
  return useMutation({
    mutationFn: async (body: BatchProposalRequest): Promise<BatchProposal> =>
      unwrap(await api.POST('/api/v1/support-requests/batch-proposals', { body })),
  });
}

/**
 * 確定: the rows kept become proposals (依頼中) in one transaction, or none does (409 batch-stale, 422
 * pair-not-allowed, 404 naming the rows as `rows[i]…`). The requests, the supporters' loads and the statistics follow.
 */
export function useConfirmBatch() {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: async (rows: BatchPick[]): Promise<BatchAssignmentResult> =>
      unwrap(await api.POST('/api/v1/support-requests/batch-assignments', { body: { rows } })),
    onSettled: invalidate,
  });
}
