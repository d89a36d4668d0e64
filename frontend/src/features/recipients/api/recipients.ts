import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { useIdempotencyKey } from '@/lib/api/idempotency';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { supportKey } from '@/lib/api/support-key';

export type Recipient = components['schemas']['RecipientResponse'];
export type RecipientRequest = components['schemas']['RecipientRequest'];

const recipientsKey = [...supportKey, 'recipients'] as const;

/** One 要支援者 as stored now (only the caller's districts), to change their details. */
export function useRecipient(id: number) {
  return useQuery({
    queryKey: [...supportKey, 'recipient', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/recipients/{id}', { params: { path: { id } } })),
    staleTime: 0,
  });
}

/**
 * Changes a 要支援者 (body.version required: 409 when someone saved first; 422 area-not-yours for a district
 * the caller does not hold). Their name is on requests and lists, and their area decides the candidates' 近さ
 * and which district's statistics count them, so every support query is refreshed.
 */
export function useUpdateRecipient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: number; body: RecipientRequest }) =>
      unwrap(await api.PUT('/api/v1/recipients/{id}', { params: { path: { id } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supportKey }),
  });
}

/**
 * The most 要支援者 one search shows (the API's default, written out): a search that fills it may have left some
 * out, and the picker says so rather than paging through a common name.
 */
export const RECIPIENT_SEARCH_LIMIT = 50;

/** 要支援者 by name or reading (only the caller's districts), in kana order; nothing is asked until there is a query. */
export function useRecipientSearch(q: string) {
  return useQuery({
    queryKey: [...recipientsKey, q],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/recipients', { params: { query: { q, limit: RECIPIENT_SEARCH_LIMIT } } })),
    enabled: q.trim().length > 0,
  });
}

/**
 * Registers a 要支援者, with an Idempotency-Key: a double click or a resubmission after a lost answer gets the
 * first answer back instead of registering them twice.
 */
export function useCreateRecipient() {
  const queryClient = useQueryClient();
  const keys = useIdempotencyKey<RecipientRequest>();
  return useMutation({
    mutationFn: async (body: RecipientRequest) =>
      unwrap(await api.POST('/api/v1/recipients', { params: { header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onSuccess: (_, body) => {
      keys.done(body);
      return queryClient.invalidateQueries({ queryKey: recipientsKey });
    },
  });
}
