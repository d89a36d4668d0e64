import { renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { idempotencyKeys, newIdempotencyKey, REPEAT_WINDOW_MS, useIdempotencyKey } from './idempotency';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Keys numbered in the order they are made, so a test can tell which one it got, and a clock the test moves. */
function setup<P>() {
  let n = 0;
  const clock = { now: 1_000_000 };
  const keys = idempotencyKeys<P>({ newKey: () => `key-${++n}`, now: () => clock.now });
  return { keys, clock };
}

describe('idempotencyKeys', () => {
  it('sends the same payload again (double click, retry after a failure) with the same key', () => {
    const { keys } = setup<{ name: string; consent: boolean }>();
    expect(keys.keyFor({ name: '庄司 花子', consent: true })).toBe('key-1');
    expect(keys.keyFor({ name: '庄司 花子', consent: true })).toBe('key-1');
  });

  it('gives a changed payload a new key, and does not go back to the old one', () => {
    const { keys } = setup<{ name: string }>();
    expect(keys.keyFor({ name: '庄司 花子' })).toBe('key-1');
    expect(keys.keyFor({ name: '庄司 華子' })).toBe('key-2');
    expect(keys.keyFor({ name: '庄司 華子' })).toBe('key-2');
    expect(keys.keyFor({ name: '庄司 花子' })).toBe('key-3');
  });

  it('forgets the key after a success, so an identical record made on purpose later is a new one', () => {
    const { keys, clock } = setup<{ minutes: number }>();
    expect(keys.keyFor({ minutes: 60 })).toBe('key-1');
    keys.done({ minutes: 60 });
    clock.now += REPEAT_WINDOW_MS;
    expect(keys.keyFor({ minutes: 60 })).toBe('key-2');
    expect(keys.keyFor({ minutes: 60 })).toBe('key-2');
  });

  it('still replays the second click of a double click that comes after a fast success', () => {
    const { keys, clock } = setup<{ minutes: number }>();
    keys.keyFor({ minutes: 60 });
    keys.done({ minutes: 60 });
    clock.now += 150;
    expect(keys.keyFor({ minutes: 60 })).toBe('key-1');
    expect(keys.keyFor({ minutes: 90 })).toBe('key-2');
  });

  it('keeps the key of a newer payload when an older one succeeds', () => {
    const { keys, clock } = setup<{ supporterId: number }>();
    keys.keyFor({ supporterId: 101 });
    expect(keys.keyFor({ supporterId: 102 })).toBe('key-2');
    keys.done({ supporterId: 101 });
    clock.now += REPEAT_WINDOW_MS;
    expect(keys.keyFor({ supporterId: 102 })).toBe('key-2');
  });

  it('keeps its keys across renders when used as a hook', () => {
    const { result, rerender } = renderHook(() => useIdempotencyKey<{ id: number }>());
    const key = result.current.keyFor({ id: 1 });
    rerender();
    expect(result.current.keyFor({ id: 1 })).toBe(key);
  });
});

describe('newIdempotencyKey', () => {
  it('is a random UUID, different each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(UUID_V4);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('builds a v4 UUID from getRandomValues where randomUUID is missing (plain http)', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array) => real.getRandomValues(array) });
    try {
      const a = newIdempotencyKey();
      expect(a).toMatch(UUID_V4);
      expect(newIdempotencyKey()).not.toBe(a);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
