import { useEffect } from 'react';

const EVENT = 'ramed:outbox-changed';

/** Tells the status bar (and open screens) that the upload queue changed: a sign-off, an export, an answer. */
export function notifyOutboxChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Listens for `notifyOutboxChanged`; answers the function that stops listening. */
export function onOutboxChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}

export function useOutboxChanged(listener: () => void): void {
  useEffect(() => onOutboxChanged(listener), [listener]);
}
