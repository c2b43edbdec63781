import type { ApiEvent } from '../../../shared/contract/events';
import { subscribe } from './bridge';
import { onOutboxChanged } from './outbox-events';

/** What makes a query ask again: a change announced in this window, or an event pushed by the back end. */
export type RefreshEvent = 'outbox.changed' | ApiEvent['type'];

/** Calls `listener` on each of `events`; answers the function that stops listening. */
export function onRefreshEvents(events: readonly RefreshEvent[], listener: () => void): () => void {
  const stops: Array<() => void> = [];
  if (events.includes('outbox.changed')) stops.push(onOutboxChanged(listener));
  const pushed = events.filter((e) => e !== 'outbox.changed');
  if (pushed.length > 0) {
    stops.push(
      subscribe((event) => {
        if (pushed.includes(event.type)) listener();
      }),
    );
  }
  return () => stops.forEach((stop) => stop());
}
