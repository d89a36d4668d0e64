import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { uploadFile, type ProgressListener } from '@/lib/api/upload';

export type Survey = components['schemas']['SurveyResponse'];
export type SurveyBand = components['schemas']['SurveyBand'];
export type BandShare = components['schemas']['BandShare'];
export type SurveyFeed = components['schemas']['SurveyFeed'];
export type DataSource = components['schemas']['DataSource'];
export type CreateSurveyRequest = components['schemas']['CreateSurveyRequest'];
export type UpdateSurveyRequest = components['schemas']['UpdateSurveyRequest'];
export type PublishedDistributionRequest = components['schemas']['PublishedDistributionRequest'];
export type SurveyRuleRequest = components['schemas']['SurveyRuleRequest'];
export type SurveyComparison = components['schemas']['SurveyComparison'];
export type ComparisonRow = components['schemas']['ComparisonRow'];
export type SurveyBreakdown = components['schemas']['SurveyBreakdown'];
export type BreakdownGroup = components['schemas']['BreakdownGroup'];
export type BreakdownCell = components['schemas']['BreakdownCell'];
export type SurveyImportReport = components['schemas']['SurveyImportReport'];
export type ImportIssue = components['schemas']['ImportIssue'];

/** Every survey query starts with this key, so one invalidation refreshes lists, details, comparisons and breakdowns. */
export const surveysKey = ['surveys'] as const;
const surveyKey = (code: string) => [...surveysKey, 'detail', code] as const;

/** 市民アンケートの一覧 (newest fiscal year first), each with its distribution and the indicator it feeds. */
export function useSurveys() {
  return useQuery({
    queryKey: [...surveysKey, 'list'],
    queryFn: async () => unwrap(await api.GET('/api/v1/surveys')).items,
  });
}

export function useSurvey(code: string | undefined) {
  return useQuery({
    queryKey: surveyKey(code ?? ''),
    queryFn: async () => unwrap(await api.GET('/api/v1/surveys/{code}', { params: { path: { code: code! } } })),
    enabled: Boolean(code),
  });
}

/** This survey against a reference survey, band by band (differences in points, as the source prints them). */
export function useSurveyComparison(code: string | undefined, reference: string | undefined) {
  return useQuery({
    queryKey: [...surveysKey, 'comparison', code ?? '', reference ?? ''],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/v1/surveys/{code}/comparison', { params: { path: { code: code! }, query: { reference: reference! } } }),
      ),
    enabled: Boolean(code) && Boolean(reference),
  });
}

/** The bands by one attribute (年代, 性別, 区 …); small cells come back suppressed. */
export function useSurveyBreakdown(code: string | undefined, by: string | undefined) {
  return useQuery({
    queryKey: [...surveysKey, 'breakdown', code ?? '', by ?? ''],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/surveys/{code}/breakdown', { params: { path: { code: code! }, query: { by: by! } } })),
    enabled: Boolean(code) && Boolean(by),
  });
}

/** After a survey's data changes: every survey view, and the indicator values it derives. */
function useInvalidateSurveys() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: surveysKey });
    void queryClient.invalidateQueries({ queryKey: ['indicators'] });
    void queryClient.invalidateQueries({ queryKey: ['kpis'] });
  };
}

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateSurveyRequest) => unwrap(await api.POST('/api/v1/surveys', { body })),
    onSuccess: (survey) => {
      queryClient.setQueryData(surveyKey(survey.code), survey);
      void queryClient.invalidateQueries({ queryKey: [...surveysKey, 'list'] });
    },
  });
}

/** 名称・実施主体・比較の基準, with the version it was read at (409 stale-version when someone saved first). */
export function useUpdateSurvey(code: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateSurveys();
  return useMutation({
    mutationFn: async (body: UpdateSurveyRequest) => unwrap(await api.PUT('/api/v1/surveys/{code}', { params: { path: { code } }, body })),
    onSuccess: (survey) => {
      queryClient.setQueryData(surveyKey(code), survey);
      invalidate();
    },
  });
}

/**
 * Deletes a survey with its distribution and responses; the indicator actual it derived goes too, and
 * surveys that used it as their reference compare with nothing. Its own views are dropped, not refetched.
 */
export function useDeleteSurvey(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      unwrap(await api.DELETE('/api/v1/surveys/{code}', { params: { path: { code } } }));
    },
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: surveyKey(code) });
      // The list the user lands on must not show what was just deleted, even before it is fetched again.
      queryClient.setQueryData<Survey[]>([...surveysKey, 'list'], (list) => list?.filter((s) => s.code !== code));
      void queryClient.invalidateQueries({ queryKey: surveysKey, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: ['indicators'] });
      void queryClient.invalidateQueries({ queryKey: ['kpis'] });
    },
  });
}

/** 公表値: the five percentages (and the respondents, when known) of a PUBLISHED survey. */
export function usePutPublishedDistribution(code: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateSurveys();
  return useMutation({
    mutationFn: async (body: PublishedDistributionRequest) =>
      unwrap(await api.PUT('/api/v1/surveys/{code}/published-distribution', { params: { path: { code } }, body })),
    onSuccess: (survey) => {
      queryClient.setQueryData(surveyKey(code), survey);
      invalidate();
    },
  });
}

/** Which indicator's actual this survey gives (the share of the chosen bands), or none. */
export function useSurveyRule(code: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateSurveys();
  const onSuccess = (survey: Survey) => {
    queryClient.setQueryData(surveyKey(code), survey);
    invalidate();
  };
  const put = useMutation({
    mutationFn: async (body: SurveyRuleRequest) =>
      unwrap(await api.PUT('/api/v1/surveys/{code}/indicator-rule', { params: { path: { code } }, body })),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: async () => unwrap(await api.DELETE('/api/v1/surveys/{code}/indicator-rule', { params: { path: { code } } })),
    onSuccess,
  });
  return { put, remove };
}

/**
 * Sends a file of individual responses as it is (UTF-8 or Shift_JIS; the server decodes it):
 * commit=false reads it and reports what it would store, commit=true replaces the stored responses,
 * all or nothing (422 when the file has errors). onProgress follows the bytes going out.
 */
export function useImportSurveyResponses(code: string) {
  const invalidate = useInvalidateSurveys();
  return useMutation({
    mutationFn: ({ file, commit, onProgress }: { file: File; commit: boolean; onProgress?: ProgressListener }) =>
      uploadFile('/api/v1/surveys/{code}/imports', { params: { path: { code }, query: { commit } }, file, onProgress }),
    onSuccess: (report) => {
      if (report.committed) invalidate();
    },
  });
}
