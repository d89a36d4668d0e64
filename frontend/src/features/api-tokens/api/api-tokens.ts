import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type ApiToken = components['schemas']['ApiTokenResponse'];
export type CreatedApiToken = components['schemas']['CreatedApiTokenResponse'];
export type CreateApiTokenRequest = components['schemas']['CreateApiTokenRequest'];

const apiTokensKey = ['api-tokens'] as const;

/** The system tokens (ADMIN), oldest first; the list never carries a secret. */
export function useApiTokens() {
  return useQuery({
    queryKey: apiTokensKey,
    queryFn: async () => unwrap(await api.GET('/api/v1/api-tokens')).items,
  });
}

/** Issues a token: the answer carries its secret, which the API shows this once and never again. */
export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateApiTokenRequest) => unwrap(await api.POST('/api/v1/api-tokens', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}

/** A new expiry date (the secret stays the same); 409 api-token-revoked, 422 at expiresOn. */
export function useRenewApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, expiresOn }: { id: number; expiresOn: string }) =>
      unwrap(await api.POST('/api/v1/api-tokens/{id}/renew', { params: { path: { id } }, body: { expiresOn } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}

/**
 * A new secret for a token (POST /rotations): the answer carries it, shown this once as on issuing. The old secret
 * still works for `graceHours` (0–720; the API's default is 168, a week), then stops; 409 for a revoked or expired
 * token, 400 naming graceHours.
 */
export function useRotateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, graceHours }: { id: number; graceHours: number }) =>
      unwrap(await api.POST('/api/v1/api-tokens/{id}/rotations', { params: { path: { id } }, body: { graceHours } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}

/** Revokes a token: the systems using it get 401 from the next call on. */
export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) => {
      unwrap(await api.DELETE('/api/v1/api-tokens/{id}', { params: { path: { id } } }));
      return id;
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey }),
  });
}
