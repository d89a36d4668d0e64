import { useCallback, useEffect, useRef, useState } from 'react';

interface Pending {
  keys: readonly string[];
  /** Wait until the token is no longer this (the data the change was made from has been read again). */
  since?: unknown;
  wait: boolean;
}

/**
 * Keeps the keyboard focus where the person was after the page re-renders under them: a row moved up (React moves
 * its DOM node, and a moved node loses the focus), a button that became disabled, a form that closed. Controls
 * register under a key; `focus(...keys)` focuses the first of them that exists and is enabled after the next render.
 * `focusAfter(since, ...keys)` waits first for `token` (e.g. when the data was last read) to move on from `since`, so
 * that the focus lands in the page as the change left it.
 */
export function useFocusRegistry(token?: unknown) {
  const elements = useRef(new Map<string, HTMLElement>());
  const [pending, setPending] = useState<Pending | null>(null);

  useEffect(() => {
    if (!pending || (pending.wait && Object.is(token, pending.since))) return;
    for (const key of pending.keys) {
      const element = elements.current.get(key);
      if (element && !(element as HTMLButtonElement).disabled) {
        element.focus();
        break;
      }
    }
    setPending(null);
  }, [pending, token]);

  const register = useCallback(
    (key: string) => (element: HTMLElement | null) => {
      if (element) elements.current.set(key, element);
      else elements.current.delete(key);
    },
    [],
  );
  const focus = useCallback((...keys: string[]) => setPending({ keys, wait: false }), []);
  const focusAfter = useCallback((since: unknown, ...keys: string[]) => setPending({ keys, since, wait: true }), []);
  return { register, focus, focusAfter };
}
