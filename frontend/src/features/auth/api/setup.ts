import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { ApiError, unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type SetupRequest = components['schemas']['SetupRequest'];

export const setupStatusQueryOptions = queryOptions({
  queryKey: ['setup'],
  queryFn: async () => unwrap(await api.GET('/api/v1/setup')),
  staleTime: 60_000,
  // The login page only adds a notice from it: no point making people wait for retries.
  retry: false,
});

/** Whether this installation still needs its first administrator (初期設定). Public. */
export function useSetupStatus(enabled = true) {
  return useQuery({ ...setupStatusQueryOptions, enabled });
}

/** A 429: too many wrong setup codes; the API says in Retry-After how many seconds to wait. */
export class SetupThrottled extends ApiError {
  readonly retryAfterSeconds: number | undefined;
  constructor(error: ApiError, retryAfter: string | null) {
    super(error.status, error.problem);
    const seconds = retryAfter === null ? NaN : Number(retryAfter);
    this.retryAfterSeconds = Number.isFinite(seconds) ? Math.max(1, Math.ceil(seconds)) : undefined;
  }
}

/**
 * Creates the first administrator with the setup code from the API's start-up log (once only). The page that
 * asked records that setup is done (setupStatusQueryOptions) once it has moved on: refetching here would have
 * 初期設定 leave for the login page before it could say what happened.
 */
export function useCreateFirstAdministrator() {
  return useMutation({
    mutationFn: async (body: SetupRequest) => {
      const result = await api.POST('/api/v1/setup', { body });
      try {
        return unwrap(result);
      } catch (error) {
        if (error instanceof ApiError && error.status === 429) throw new SetupThrottled(error, result.response.headers.get('Retry-After'));
        throw error;
      }
    },
  });
}
