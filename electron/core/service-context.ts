import type { Kysely } from 'kysely';
import { fixedClock } from './clock';
import type { Actor, CoreDeps, ServiceContext } from './context';
import type { Database } from './db/schema/index';

export type { ServiceContext };

/** How rows and the audit name who acted when nobody is signed in. */
export const actorLogin = (actor: Actor | null): string => actor?.login ?? 'anonyme';

/** The context of one call: `db` is its transaction (a command) or the database (a query). */
export function serviceContext(deps: CoreDeps, db: Kysely<Database>, actor: Actor | null): ServiceContext {
  return {
    db,
    readDb: deps.handle.db,
    features: deps.handle.features,
    clock: deps.clock,
    actor,
    login: actorLogin(actor),
    appVersion: deps.appVersion,
    log: deps.log,
    deps,
  };
}

/** The same context at a fixed instant (ISO): the demo replays a month, a test pins the hour. */
export const atInstant = (ctx: ServiceContext, iso: string): ServiceContext => ({ ...ctx, clock: fixedClock(iso) });

/**
 * Someone acting outside a session, on the database itself: the demo's desks, a test's agent, the
 * bench. At `at` (an ISO instant) when given, else on the core's clock.
 */
export function actingAs(deps: CoreDeps, login: string, at?: string): ServiceContext {
  const ctx = serviceContext(deps, deps.handle.db, { userId: null, login, fullName: login, roles: [] });
  return at === undefined ? ctx : atInstant(ctx, at);
}
