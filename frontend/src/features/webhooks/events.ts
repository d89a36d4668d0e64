import type { WebhookEvent, WebhookEventType } from './api/webhooks';
import { formatJapanTime } from '@/lib/format';

/** What each event tells, in Japanese; typed by the API's own enum, so a new kind of event fails here. */
export const EVENT_TYPE_LABELS: Readonly<Record<WebhookEventType, string>> = {
  'kpi.changed': '成果指標の値が変わった',
  'evaluation.approved': '事業調書が承認された',
  'plan.changed': '計画・体系が変わった',
};

export const EVENT_TYPES = Object.keys(EVENT_TYPE_LABELS) as WebhookEventType[];

export function eventTypeLabel(type: WebhookEventType): string {
  return EVENT_TYPE_LABELS[type];
}

/**
 * Where an event stands: delivered (the receiver answered 2xx), given up (24 hours without success), or waiting — for
 * its first try, or for the next one after a failure.
 */
export type EventState =
  | { kind: 'delivered'; at: string }
  | { kind: 'gave-up'; at: string }
  | { kind: 'retrying'; next: string | null }
  | { kind: 'waiting' };

type Moment = string | null | undefined;
const moment = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

export function eventState(event: Pick<WebhookEvent, 'deliveredAt' | 'gaveUpAt' | 'nextAttemptAt' | 'attempts'>): EventState {
  const delivered = moment(event.deliveredAt as Moment);
  if (delivered) return { kind: 'delivered', at: delivered };
  const gaveUp = moment(event.gaveUpAt as Moment);
  if (gaveUp) return { kind: 'gave-up', at: gaveUp };
  return event.attempts > 0 ? { kind: 'retrying', next: moment(event.nextAttemptAt as Moment) } : { kind: 'waiting' };
}

/** The state in words: 配信済み, 再試行待ち（次回 14:05）, 配信待ち, あきらめた. */
export function eventStateLabel(state: EventState): string {
  switch (state.kind) {
    case 'delivered':
      return '配信済み';
    case 'gave-up':
      return 'あきらめた';
    case 'retrying':
      return state.next ? `再試行待ち（次回 ${formatJapanTime(state.next)}）` : '再試行待ち';
    case 'waiting':
      return '配信待ち';
  }
}

/** The event an event was sent again for (its body's redeliveryOf), or undefined. */
export function redeliveryOf(event: Pick<WebhookEvent, 'body'>): number | undefined {
  try {
    const parsed: unknown = JSON.parse(event.body);
    const of = typeof parsed === 'object' && parsed !== null ? (parsed as { redeliveryOf?: unknown }).redeliveryOf : undefined;
    return typeof of === 'number' ? of : undefined;
  } catch {
    return undefined;
  }
}

/** The body as a person reads it: indented JSON (as sent when it is not JSON). */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}
