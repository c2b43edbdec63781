import { useEffect } from 'react';
import type { Section } from '../sections';

/** Alt+1…Alt+9 jump to a section: the whole app works by keyboard. */
export function useSectionShortcuts(sections: readonly Section[], open: (key: string) => void) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const target = sections[Number(event.key) - 1];
      if (target) {
        event.preventDefault();
        open(target.key);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sections, open]);
}
