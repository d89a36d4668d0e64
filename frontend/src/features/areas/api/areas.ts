import { queryOptions, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { uploadFile, type ProgressListener } from '@/lib/api/upload';
import type { Area, AreaKind } from './get-school-districts';

export type AreaTreeNode = components['schemas']['AreaTreeNode'];
export type CreateAreaRequest = components['schemas']['CreateAreaRequest'];
export type UpdateAreaRequest = components['schemas']['UpdateAreaRequest'];
export type AreaImportReport = components['schemas']['AreaImportReport'];
export type AreaImportAction = components['schemas']['AreaImportAction'];

/** Every query of the area tree starts with this key, so one change to the tree refreshes every picker. */
export const areasKey = ['areas'] as const;

/** Reads every page of GET /areas for a filter (a city has a few hundred areas; the loop guards a large one). */
async function listAll(query: { kind?: AreaKind; parent?: string }): Promise<Area[]> {
  const items: Area[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = unwrap(await api.GET('/api/v1/areas', { params: { query: { ...query, limit: 500, cursor } } }));
    items.push(...(result.items ?? []));
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

/** All the areas of one kind (the cities, the wards, the school districts …), retired ones included and marked. */
export const areasOfKindQueryOptions = (kind: AreaKind) =>
  queryOptions({
    queryKey: [...areasKey, { kind }],
    queryFn: () => listAll({ kind }),
    staleTime: 30 * 60_000,
  });

export function useAreasOfKind(kind: AreaKind, enabled = true) {
  return useQuery({ ...areasOfKindQueryOptions(kind), enabled });
}

const areaQueryOptions = (code: string) =>
  queryOptions({
    queryKey: [...areasKey, 'one', code],
    queryFn: async () => unwrap(await api.GET('/api/v1/areas/{code}', { params: { path: { code } } })),
    staleTime: 30 * 60_000,
  });

const childrenQueryOptions = (parent: string) =>
  queryOptions({
    queryKey: [...areasKey, { parent }],
    queryFn: () => listAll({ parent }),
    staleTime: 30 * 60_000,
  });

/** Every area of the city, flat (retired ones marked): the 地域 admin page reads versions and states from it. */
export function useAllAreas() {
  return useQuery({ queryKey: [...areasKey, 'all'], queryFn: () => listAll({}) });
}

/** The areas with these codes (e.g. a coordinator's districts), one query each, in the order given. */
export function useAreasByCode(codes: readonly string[]) {
  return useQueries({ queries: codes.map((code) => areaQueryOptions(code)) });
}

/**
 * The areas directly below each of these (a district's 町内自治会), one query each. GET /areas?parent= rather than
 * the subtree, because its items say whether an area is retired and a tree node does not.
 */
export function useChildAreas(parents: readonly string[]) {
  return useQueries({ queries: parents.map((parent) => childrenQueryOptions(parent)) });
}

/** Each of these areas and everything below it, as trees (the 地域 admin page: one per city). */
export function useAreaSubtrees(codes: readonly string[]) {
  return useQueries({
    queries: codes.map((code) => ({
      queryKey: [...areasKey, 'subtree', code],
      queryFn: async () => unwrap(await api.GET('/api/v1/areas/{code}/subtree', { params: { path: { code } } })),
    })),
  });
}

/** One area, to edit it (its version, parent and whether it is retired). */
export function useArea(code: string | undefined) {
  return useQuery({ ...areaQueryOptions(code ?? ''), enabled: Boolean(code), staleTime: 0 });
}

function useAreaMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: areasKey }),
  });
}

export function useCreateArea() {
  return useAreaMutation(async (body: CreateAreaRequest) => unwrap(await api.POST('/api/v1/areas', { body })));
}

export function useUpdateArea() {
  return useAreaMutation(async ({ code, body }: { code: string; body: UpdateAreaRequest }) =>
    unwrap(await api.PUT('/api/v1/areas/{code}', { params: { path: { code } }, body })),
  );
}

/** 廃止 (retired: true) or 再開 (false): a retired area keeps its records and is offered for no new one. */
export function useRetireArea() {
  return useAreaMutation(async ({ code, retired }: { code: string; retired: boolean }) =>
    unwrap(
      retired
        ? await api.POST('/api/v1/areas/{code}/retire', { params: { path: { code } } })
        : await api.POST('/api/v1/areas/{code}/reinstate', { params: { path: { code } } }),
    ),
  );
}

/** Deletes an area nothing refers to; 409 area-in-use says why not (retire it instead). */
export function useDeleteArea() {
  return useAreaMutation(async (code: string) => {
    unwrap(await api.DELETE('/api/v1/areas/{code}', { params: { path: { code } } }));
    return code;
  });
}

/**
 * Sends a file of areas: commit=false reads it and says what would change (nothing is saved), commit=true saves it
 * all or nothing (422 area-import-invalid with the problems). onProgress follows the bytes going out.
 */
export function useImportAreas() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, commit, onProgress }: { file: File; commit: boolean; onProgress?: ProgressListener }) =>
      uploadFile('/api/v1/areas/imports', { params: { query: { commit } }, file, onProgress }),
    onSuccess: (report) => {
      if (report.committed) void queryClient.invalidateQueries({ queryKey: areasKey });
    },
  });
}
