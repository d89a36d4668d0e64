import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { plansKey } from './plans';

export type Finding = components['schemas']['FindingResponse'];
export type FindingRequest = components['schemas']['FindingRequest'];
export type FindingKind = components['schemas']['FindingKind'];
export type FindingSource = components['schemas']['FindingSource'];

/** Under the plans' key, so that a change to the tree (a node renamed) reads them again too. */
const findingsKey = (plan: string) => [...plansKey, 'findings', plan] as const;

/** 課題・困りごと・現状 of a plan, in the order they were written (all of them, with the node each belongs to). */
export function useFindings(plan: string) {
  return useQuery({
    queryKey: findingsKey(plan),
    queryFn: async () => unwrap(await api.GET('/api/v1/plans/{plan}/findings', { params: { path: { plan } } })).items,
  });
}

/** Every change reads the findings again, and the plan's 変更履歴 (which records them). */
function useFindingMutation<V, R>(plan: string, mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: [...plansKey, 'changes', plan] });
      await queryClient.invalidateQueries({ queryKey: findingsKey(plan) });
    },
  });
}

/** 課題・困りごとを追加: 201 with it; 400 with the fields at fault; 422 node-not-found. */
export function useCreateFinding(plan: string) {
  return useFindingMutation(plan, async (body: FindingRequest) =>
    unwrap(await api.POST('/api/v1/plans/{plan}/findings', { params: { path: { plan } }, body })),
  );
}

/** Rewrites one, with the version read (409 when someone saved it first). */
export function useUpdateFinding(plan: string) {
  return useFindingMutation(plan, async ({ id, body }: { id: number; body: FindingRequest }) =>
    unwrap(await api.PUT('/api/v1/plans/{plan}/findings/{id}', { params: { path: { plan, id } }, body })),
  );
}

export function useDeleteFinding(plan: string) {
  return useFindingMutation(plan, async (id: number) => {
    unwrap(await api.DELETE('/api/v1/plans/{plan}/findings/{id}', { params: { path: { plan, id } } }));
    return id;
  });
}
