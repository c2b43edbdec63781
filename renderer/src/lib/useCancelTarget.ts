import { useCallback, useState, type RefObject } from 'react';
import { focusWhenDrawn } from './focus';

/**
 * The line whose cancellation is being asked. When its form goes away the focus goes to the
 * lines' `heading`, above the row just added: the line's own button is gone once it is cancelled.
 */
export function useCancelTarget<L>(heading: RefObject<HTMLElement | null>) {
  const [target, setTarget] = useState<L | null>(null);
  const open = useCallback((line: L) => setTarget(() => line), []);
  const close = useCallback(() => {
    setTarget(null);
    focusWhenDrawn(() => heading.current);
  }, [heading]);
  return { target, open, close };
}
