import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Keeps the keyboard focus where the person was after the page re-renders under them: a row moved up (React moves
 * its DOM node, and a moved node loses the focus), a button that became disabled, a form that closed. Controls
 * register under a key; `focus(...keys)` focuses the first of them that exists and is enabled after the next render.
 */
export function useFocusRegistry() {
  const elements = useRef(new Map<string, HTMLElement>());
  const [pending, setPending] = useState<readonly string[] | null>(null);

  useEffect(() => {
    if (!pending) return;
    for (const key of pending) {
      const element = elements.current.get(key);
      if (element && !(element as HTMLButtonElement).disabled) {
        element.focus();
        break;
      }
    }
    setPending(null);
  }, [pending]);

  const register = useCallback(
    (key: string) => (element: HTMLElement | null) => {
      if (element) elements.current.set(key, element);
      else elements.current.delete(key);
    },
    [],
  );
  const focus = useCallback((...keys: string[]) => setPending(keys), []);
  return { register, focus };
}
