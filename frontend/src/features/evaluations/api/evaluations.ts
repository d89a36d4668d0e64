import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError, unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { uploadFile, type ProgressListener } from '@/lib/api/upload';
import { saveFile } from '@/lib/save-file';

export type EvaluationOverview = components['schemas']['EvaluationOverview'];
export type EvaluationOverviewItem = components['schemas']['EvaluationOverviewItem'];
export type Evaluation = components['schemas']['EvaluationResponse'];
export type EvaluationStatus = components['schemas']['EvaluationStatus'];
export type EvaluationRequest = components['schemas']['EvaluationRequest'];
export type Transition = components['schemas']['TransitionResponse'];
export type ImportReport = components['schemas']['ImportReport'];
export type ImportRow = components['schemas']['ImportRowResult'];
export type ImportProblem = components['schemas']['ImportProblem'];

export const evaluationsKey = ['evaluations'] as const;
const overviewKey = (plan: string, fiscalYear: number) => [...evaluationsKey, plan, 'overview', fiscalYear] as const;
const evaluationKey = (plan: string, node: string, fiscalYear: number) => [...evaluationsKey, plan, node, fiscalYear] as const;

/** 事業調書の状況 of a plan and a fiscal year: counts by status and by self grade, one item per measure. */
export function useEvaluationOverview(plan: string | undefined, fiscalYear: number | undefined) {
  return useQuery({
    queryKey: overviewKey(plan ?? '', fiscalYear ?? 0),
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/plans/{plan}/evaluations', { params: { path: { plan: plan! }, query: { fiscalYear: fiscalYear! } } })),
    enabled: Boolean(plan) && fiscalYear !== undefined,
  });
}

/** One 事業調書, or null when none has been written yet (the API answers 404). */
export function useEvaluation(plan: string | undefined, node: string | undefined, fiscalYear: number | undefined) {
  return useQuery({
    queryKey: evaluationKey(plan ?? '', node ?? '', fiscalYear ?? 0),
    queryFn: async (): Promise<Evaluation | null> => {
      try {
        return unwrap(
          await api.GET('/api/v1/plans/{plan}/evaluations/{node}/{fiscalYear}', {
            params: { path: { plan: plan!, node: node!, fiscalYear: fiscalYear! } },
          }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: Boolean(plan) && Boolean(node) && fiscalYear !== undefined,
  });
}

export type TransitionAction = 'submit' | 'approve' | 'return' | 'reopen';

interface Target {
  plan: string;
  node: string;
  fiscalYear: number;
}

/** Saving the text (PUT) and moving the 事業調書 through its workflow (提出・承認・差戻し・再開). */
export function useEvaluationMutations({ plan, node, fiscalYear }: Target) {
  const queryClient = useQueryClient();
  const path = { plan, node, fiscalYear };
  const onSuccess = (evaluation: Evaluation) => {
    queryClient.setQueryData(evaluationKey(plan, node, fiscalYear), evaluation);
    void queryClient.invalidateQueries({ queryKey: [...evaluationsKey, plan, 'overview'] });
  };

  const write = useMutation({
    mutationFn: async (body: EvaluationRequest) =>
      unwrap(await api.PUT('/api/v1/plans/{plan}/evaluations/{node}/{fiscalYear}', { params: { path }, body })),
    onSuccess,
  });

  const transition = useMutation({
    mutationFn: async ({ action, version, comment }: { action: TransitionAction; version: number; comment?: string | null }) => {
      const init = { params: { path } };
      switch (action) {
        case 'submit':
          return unwrap(await api.POST('/api/v1/plans/{plan}/evaluations/{node}/{fiscalYear}/submit', { ...init, body: { version, comment } }));
        case 'approve':
          return unwrap(await api.POST('/api/v1/plans/{plan}/evaluations/{node}/{fiscalYear}/approve', { ...init, body: { version, comment } }));
        case 'return':
          return unwrap(
            await api.POST('/api/v1/plans/{plan}/evaluations/{node}/{fiscalYear}/return', { ...init, body: { version, comment: comment ?? '' } }),
          );
        case 'reopen':
          return unwrap(await api.POST('/api/v1/plans/{plan}/evaluations/{node}/{fiscalYear}/reopen', { ...init, body: { version, comment } }));
      }
    },
    onSuccess,
  });

  return { write, transition };
}

export type SheetFormat = 'xlsx' | 'csv' | 'tsv';

/** The file name in a Content-Disposition header, preferring the UTF-8 one (filename*=UTF-8''…). */
export function fileNameOf(contentDisposition: string | null, fallback: string): string {
  if (!contentDisposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(contentDisposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(contentDisposition);
  return (plain?.[1] ?? plain?.[2])?.trim() || fallback;
}

/** The 事業調書 file of a plan and year, with the name the server gives it. */
export async function fetchEvaluationSheet(plan: string, fiscalYear: number, format: SheetFormat): Promise<{ blob: Blob; fileName: string }> {
  const result = await api.GET('/api/v1/plans/{plan}/evaluation-sheet', {
    params: { path: { plan }, query: { fiscalYear, format } },
    headers: { Accept: '*/*' },
    parseAs: 'blob',
  });
  const blob = unwrap(result) as unknown as Blob;
  return { blob, fileName: fileNameOf(result.response.headers.get('Content-Disposition'), `${plan}-evaluation-${fiscalYear}.${format}`) };
}

/** Downloads the 事業調書 (bearer token included, so a plain link would not do). */
export function useDownloadEvaluationSheet() {
  return useMutation({
    mutationFn: async ({ plan, fiscalYear, format }: { plan: string; fiscalYear: number; format: SheetFormat }) => {
      const { blob, fileName } = await fetchEvaluationSheet(plan, fiscalYear, format);
      saveFile(blob, fileName);
      return fileName;
    },
  });
}

/**
 * Sends a 事業調書 file: commit=false checks it and says what would change (nothing is saved),
 * commit=true saves it all or nothing (422 when it has errors). onProgress follows the bytes going out.
 */
export function useImportEvaluationSheet(plan: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, fiscalYear, commit, onProgress }: { file: File; fiscalYear?: number; commit: boolean; onProgress?: ProgressListener }) =>
      uploadFile('/api/v1/plans/{plan}/imports', {
        params: { path: { plan }, query: { commit, ...(fiscalYear !== undefined ? { fiscalYear } : {}) } },
        file,
        onProgress,
      }),
    onSuccess: (report) => {
      if (!report.committed) return;
      void queryClient.invalidateQueries({ queryKey: evaluationsKey });
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
    },
  });
}
