import { useState } from 'react';

/**
 * Idempotency-Key for the POSTs that create a record (see the IdempotencyKey parameter in openapi.yaml): the
 * server answers a repeat of the same key and body with the first answer instead of a second record.
 */
export interface IdempotencyKeys<P> {
  /** The key to send `payload` with: the last one again when the payload is unchanged, otherwise a new one. */
  keyFor(payload: P): string;
  /** `payload` was created: forget its key (after REPEAT_WINDOW_MS), so a later record that looks the same is a new one. */
  done(payload: P): void;
}

/** A random UUID. randomUUID exists only in secure contexts (https, localhost), so elsewhere build a v4 one by hand. */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * How long a created payload keeps its key. A fast server can answer the first click of a double click (or the
 * first Enter of two) before the second arrives, when the button is enabled again: that second one must still
 * replay, not create. Registering the very same thing again on purpose takes longer than this.
 */
export const REPEAT_WINDOW_MS = 2_000;

/**
 * Keys for one form or button. Only the last payload's key is kept: a double click or a retry after a network
 * error or a 5xx sends the same payload and so the same key (the server replays, nothing is created twice);
 * an edited payload gets a new key, because the server refuses a known key with a different body (422).
 */
export function idempotencyKeys<P>({ newKey = newIdempotencyKey, now = Date.now } = {}): IdempotencyKeys<P> {
  let last: { fingerprint: string; key: string; doneAt?: number } | undefined;
  const forgotten = () => last?.doneAt !== undefined && now() - last.doneAt >= REPEAT_WINDOW_MS;
  return {
    keyFor(payload) {
      const fingerprint = JSON.stringify(payload);
      if (!last || last.fingerprint !== fingerprint || forgotten()) last = { fingerprint, key: newKey() };
      return last.key;
    },
    done(payload) {
      // Only if nothing else was sent since: the key of a newer payload still waiting for its answer stays.
      if (last?.fingerprint === JSON.stringify(payload)) last.doneAt = now();
    },
  };
}

/** idempotencyKeys that live as long as the component, so a resubmission of the same form reuses its key. */
export function useIdempotencyKey<P>(): IdempotencyKeys<P> {
  const [keys] = useState(() => idempotencyKeys<P>());
  return keys;
}
