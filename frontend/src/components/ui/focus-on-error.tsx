import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Holds a form's error alert and takes the keyboard focus each time a new error arrives, so a screen reader reads
 * it at once and the next Tab leads on to the fields (each of which shows its own message).
 */
export function FocusOnError({ error, children }: { error: unknown; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  return (
    <div ref={ref} tabIndex={-1} className="focus-target">
      {children}
    </div>
  );
}
