import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';

export type Webhook = components['schemas']['Webhook'];
export type CreatedWebhook = components['schemas']['CreatedWebhook'];
export type CreateWebhookRequest = components['schemas']['CreateWebhookRequest'];
export type UpdateWebhookRequest = components['schemas']['UpdateWebhookRequest'];
export type WebhookEvent = components['schemas']['WebhookEvent'];
export type WebhookDelivery = components['schemas']['WebhookDelivery'];
export type WebhookEventType = components['schemas']['WebhookEventType'];

const webhooksKey = ['webhooks'] as const;
const eventsKey = (id: number) => ['webhooks', id, 'events'] as const;

/** The subscriptions (ADMIN), oldest first, each with its pending and given-up counts; the list never carries a secret. */
export function useWebhooks() {
  return useQuery({
    queryKey: webhooksKey,
    queryFn: async () => unwrap(await api.GET('/api/v1/webhooks')).items,
  });
}

/** Registers a URL for some events: the answer carries the signing secret, which the API shows this once and never again. */
export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: CreateWebhookRequest) => unwrap(await api.POST('/api/v1/webhooks', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}

/** Deletes a subscription, and with it the events not yet delivered. */
export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: number) => {
      unwrap(await api.DELETE('/api/v1/webhooks/{id}', { params: { path: { id } } }));
      return id;
    },
    onSuccess: (id) => {
      queryClient.removeQueries({ queryKey: eventsKey(id) });
      return queryClient.invalidateQueries({ queryKey: webhooksKey, exact: true });
    },
  });
}

/**
 * 一時停止 (active: false) or 再開 (active: true) a subscription. While paused its events are still queued (未配信)
 * and nothing is sent; on 再開 everything held goes out in order. The answer (the subscription as it now stands)
 * replaces its row at once, and the list is read again either way, so a subscription gone meanwhile (404) leaves it.
 */
export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, ...body }: UpdateWebhookRequest & { id: number }) =>
      unwrap(await api.PATCH('/api/v1/webhooks/{id}', { params: { path: { id } }, body })),
    onSuccess: (webhook) =>
      queryClient.setQueryData<Webhook[]>(webhooksKey, (list) => list?.map((w) => (w.id === webhook.id ? webhook : w))),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhooksKey, exact: true }),
  });
}

/** While some event waits for a try, the log is read again this often (the first retries are seconds apart). */
const PENDING_REFRESH_MS = 30_000;

/**
 * 配信の記録: a subscription's latest 100 events, newest first, each with its attempts; read again every half minute
 * while one of them is still to be delivered.
 */
export function useWebhookEvents(id: number) {
  return useQuery({
    queryKey: eventsKey(id),
    queryFn: async () => unwrap(await api.GET('/api/v1/webhooks/{id}/events', { params: { path: { id } } })).items,
    refetchInterval: (query) => (query.state.data?.some((e) => !e.deliveredAt && !e.gaveUpAt) ? PENDING_REFRESH_MS : false),
  });
}

/**
 * 送り直す: the same body queued again as a new event at the end of the subscription's queue (the answer). The log
 * and the list's counts are read again.
 */
export function useRedeliverWebhookEvent(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (event: number) =>
      unwrap(await api.POST('/api/v1/webhooks/{id}/events/{event}/redeliveries', { params: { path: { id, event } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhooksKey }),
  });
}
