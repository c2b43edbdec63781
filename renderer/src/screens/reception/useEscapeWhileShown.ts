import { useEffect, type RefObject } from 'react';

/**
 * Escape pressed anywhere while `element` is on screen, even when the focus fell to the page (a row
 * or a form just left): `onEscape`. Nothing while it is hidden (another tab, an episode open).
 */
export function useEscapeWhileShown(element: RefObject<HTMLElement | null>, onEscape: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && element.current?.offsetParent) onEscape();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [element, onEscape]);
}
