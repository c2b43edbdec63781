import { useEffect } from 'react';

const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);

/** Escape, outside a field and outside a dialog (where it closes the dialog only), goes back; not while `paused`. */
export function useEscapeBack(onBack: () => void, paused = false): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inDialog = event.target instanceof Element && event.target.closest('dialog') !== null;
      if (event.key === 'Escape' && !event.defaultPrevented && !isTyping(event.target) && !paused && !inDialog) onBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onBack, paused]);
}
