import { useEffect, useRef, type ReactNode } from 'react';

/** The page's h1; it takes focus on arrival so screen readers announce the new page. */
export function PageHeading({ children, lead }: { children: ReactNode; lead?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const title = ref.current?.textContent;
    if (title) document.title = `${title} | Tsunagu つなぐ`;
  }, [children]);
  return (
    <div className="page-heading">
      <h1 ref={ref} tabIndex={-1} id="page-title">
        {children}
      </h1>
      {lead && <p className="page-heading__lead">{lead}</p>}
    </div>
  );
}
