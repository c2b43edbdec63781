import type { HandlerContext } from '../context';

/** Once the call's transaction commits, wakes the hosts' outbox workers: what it queued leaves at once. */
export const wakeOutboxAfterCommit = (ctx: HandlerContext): void => ctx.afterCommit(() => ctx.deps.outboxQueued.forEach((wake) => wake()));
