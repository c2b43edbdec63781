import { useEffect, useRef, type ReactNode } from 'react';

/**
 * What an action did, said where the user is looking and given the keyboard focus: the form that
 * had it has just closed, and focus would otherwise fall back to the top of the page.
 */
export function OutcomeBanner({ tone, children }: { tone: 'ok' | 'warn'; children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} className={`banner banner-${tone}`} role="status" tabIndex={-1}>
      {children}
    </p>
  );
}
