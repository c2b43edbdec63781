import type { Actor, ServiceContext } from '../context';

/** Who asked, as plain data a worker thread can take: the session's other fields stay on this side. */
export function jobActor(ctx: ServiceContext): Actor {
  const { userId, login, fullName, roles } = ctx.actor ?? { userId: null, login: ctx.login, fullName: ctx.login, roles: [] };
  return { userId, login, fullName, roles: [...roles] };
}
