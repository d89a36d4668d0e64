import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { kpisKey } from './kpis';

export type PlanSummary = components['schemas']['PlanSummary'];
export type Plan = components['schemas']['PlanResponse'];
export type PlanTree = components['schemas']['PlanTree'];
export type PlanTreeNode = components['schemas']['PlanTreeNode'];
export type PlanActor = components['schemas']['PlanActorDto'];
export type NodeRole = components['schemas']['RoleDto'];

export const plansKey = ['plans'] as const;

/** 計画一覧. */
export function usePlans() {
  return useQuery({
    queryKey: [...plansKey, 'list'],
    queryFn: async () => unwrap(await api.GET('/api/v1/plans')).items ?? [],
  });
}

/** One plan (header, period, levels, actors). */
export function usePlan(code: string | undefined) {
  return useQuery({
    queryKey: [...plansKey, 'detail', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/plans/{plan}', { params: { path: { plan: code! } } })),
    enabled: Boolean(code),
  });
}

/** The whole tree of a plan with its role matrix and the indicators of each node. */
export function usePlanTree(code: string | undefined) {
  return useQuery({
    queryKey: [...plansKey, 'tree', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/plans/{plan}/tree', { params: { path: { plan: code! } } })),
    enabled: Boolean(code),
  });
}

export type CreatePlanRequest = components['schemas']['CreatePlanRequest'];
export type UpdatePlanRequest = components['schemas']['UpdatePlanRequest'];
export type CreateNodeRequest = components['schemas']['CreateNodeRequest'];
export type UpdateNodeRequest = components['schemas']['UpdateNodeRequest'];
export type MoveNodeRequest = components['schemas']['MoveNodeRequest'];
export type ActorRoleKind = components['schemas']['ActorRoleKind'];

/** Every change to a plan or its tree refreshes the list, the plan and its tree (and the KPI rows built on them). */
function usePlanMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: kpisKey });
      await queryClient.invalidateQueries({ queryKey: plansKey });
    },
  });
}

/** 計画を作成: 201 with the plan; 409 plan-code-taken; 400/422 with the fields at fault. */
export function useCreatePlan() {
  return usePlanMutation(async (body: CreatePlanRequest) => unwrap(await api.POST('/api/v1/plans', { body })));
}

/** The plan's header, levels and grade bands, with the version read (409 when someone saved first). */
export function useUpdatePlan(plan: string) {
  return usePlanMutation(async (body: UpdatePlanRequest) =>
    unwrap(await api.PUT('/api/v1/plans/{plan}', { params: { path: { plan } }, body })),
  );
}

/** オープンデータとして公開する・やめる: the plan with its publishedAt. */
export function usePublishPlan(plan: string) {
  return usePlanMutation(async (published: boolean) =>
    unwrap(await api.PUT('/api/v1/plans/{plan}/publication', { params: { path: { plan } }, body: { published } })),
  );
}

/** A node at the top (no parentCode) or under another, with its roles. */
export function useCreateNode(plan: string) {
  return usePlanMutation(async (body: CreateNodeRequest) =>
    unwrap(await api.POST('/api/v1/plans/{plan}/nodes', { params: { path: { plan } }, body })),
  );
}

/** Code, title, summary, 主な活動の単位 and the roles of a node, with the version read. */
export function useUpdateNode(plan: string) {
  return usePlanMutation(async ({ node, body }: { node: string; body: UpdateNodeRequest }) => {
    unwrap(await api.PUT('/api/v1/plans/{plan}/nodes/{node}', { params: { path: { plan, node } }, body }));
    return node;
  });
}

/** A node to another place: among its siblings (same parent, new position) or under another parent. */
export function useMoveNode(plan: string) {
  return usePlanMutation(async ({ node, body }: { node: string; body: MoveNodeRequest }) => {
    unwrap(await api.POST('/api/v1/plans/{plan}/nodes/{node}/move', { params: { path: { plan, node } }, body }));
    return node;
  });
}

/**
 * Deletes a node and its subtree. Without cascade the API refuses (409 node-in-use, with the counts) while
 * indicators, values or evaluations hang on it; with cascade they go too.
 */
export function useDeleteNode(plan: string) {
  return usePlanMutation(async ({ node, cascade = false }: { node: string; cascade?: boolean }) => {
    unwrap(await api.DELETE('/api/v1/plans/{plan}/nodes/{node}', { params: { path: { plan, node }, query: { cascade } } }));
    return node;
  });
}

export type CopyPlanRequest = components['schemas']['CopyPlanRequest'];

/**
 * 次期計画を作成: 201 with the new plan (策定中), its tree, roles and indicators copied without values or 事業調書;
 * 409 plan-period-overlap (another plan of the city and kind covers part of the period), 409 plan-code-taken,
 * indicator-code-taken (a copied indicator's code is taken), 400/422 with the fields at fault.
 */
export function useCopyPlan(plan: string) {
  return usePlanMutation(async (body: CopyPlanRequest) =>
    unwrap(await api.POST('/api/v1/plans/{plan}/copies', { params: { path: { plan } }, body })),
  );
}
