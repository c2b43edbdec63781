import { api } from '../../shared/api/index';
import type { MethodDef } from '../../shared/contract/contract';
import { fail, ok } from '../../shared/contract/result';
import { ROLE_LABELS } from '../../shared/domain/roles';
import { describeZodError } from '../../shared/contract/validation';
import { appendAudit, redact } from './audit/audit-log';
import { checkSession } from './auth/sessions';
import type { Actor, CoreDeps, HandlerContext } from './context';
import type { Dispatch } from './core-types';
import { DomainError } from './errors';
import { handlers as allHandlers } from './handlers/index';
import { JobRegistry } from './jobs';
import { actorLogin, serviceContext } from './service-context';

export type { Dispatch };

type AnyHandler = (input: unknown, ctx: HandlerContext) => Promise<unknown>;

/**
 * The single entry to the back end, whatever the transport (Electron IPC, browser host, CLI):
 * checks the method exists, the caller's access, validates the input with the contract's
 * schema, runs the handler (commands in a transaction, audited in it) and answers data.
 */
export function createDispatcher(
  deps: CoreDeps,
  handlers: Record<string, AnyHandler> = allHandlers as unknown as Record<string, AnyHandler>,
): Dispatch {
  const jobs = new JobRegistry();

  return async function dispatch(slot, method, rawInput) {
    if (typeof method !== 'string' || !Object.hasOwn(api, method)) {
      return fail('UNKNOWN_METHOD', `Opération inconnue : « ${String(method).slice(0, 60)} ».`);
    }
    const def = (api as Record<string, MethodDef>)[method]!;

    // Public methods (setup, login) run without a session; the others check it first.
    const check = def.access === 'public' ? null : await checkSession(deps, slot);
    const session = slot.session;
    if (check) {
      if (check.state === 'ended') return fail('NOT_AUTHENTICATED', check.message);
      if (check.state === 'none' || !session) return fail('NOT_AUTHENTICATED', 'Votre session est terminée. Reconnectez-vous.');
      if (check.state === 'locked' && !def.allowedWhileLocked) {
        return fail('SESSION_LOCKED', 'Écran verrouillé : saisissez votre mot de passe pour reprendre.');
      }
      if (session.mustChangePassword && !def.allowedBeforePasswordChange) {
        return fail('FORBIDDEN', 'Changez d’abord votre mot de passe.');
      }
      const access = def.access;
      if (access !== 'any' && access !== 'public' && !access.some((role) => session.roles.includes(role))) {
        await auditSafely(deps, session, method, def, 'denied', { roles: session.roles });
        const allowed = access.map((role) => ROLE_LABELS[role]).join(', ');
        return fail('FORBIDDEN', `Votre rôle ne permet pas cette opération (réservée à : ${allowed}).`);
      }
      // What a person does: a change, or the window's report of keys and clicks. A background
      // query (a status poll) must not keep an abandoned desk unlocked.
      if (def.kind === 'command' || def.marksActivity) session.lastActivityAt = deps.clock.now().toISOString();
    }

    const parsed = def.input.safeParse(rawInput);
    if (!parsed.success) {
      const { message, fields } = describeZodError(parsed.error);
      return fail('INVALID_INPUT', message, fields);
    }
    const input = parsed.data as Record<string, unknown>;
    const handler = handlers[method]!;
    const jobId = typeof input.jobId === 'string' ? input.jobId : null;
    const controller = jobId ? jobs.start(jobId) : new AbortController();
    const committed: Array<() => void> = [];

    // Built once per call: what every service of the call works with, and the call's own plumbing.
    const context = (db: HandlerContext['db']): HandlerContext => ({
      ...serviceContext(deps, db, session),
      slot,
      audit: {},
      jobs,
      signal: controller.signal,
      progress: (done, total, label) => {
        if (jobId) slot.emit({ type: 'job.progress', progress: { jobId, done, total, label } });
      },
      afterCommit: (task) => committed.push(task),
    });

    try {
      let value: unknown;
      if (def.kind === 'query') {
        value = await handler(input, context(deps.handle.db));
      } else if (def.ownTransactions) {
        const ctx = context(deps.handle.db);
        value = await handler(input, ctx);
        await audit(deps, ctx.slot.session ?? session, method, def, 'ok', input, ctx);
      } else {
        value = await deps.handle.db.transaction().execute(async (trx) => {
          const ctx = context(trx);
          const result = await handler(input, ctx);
          await audit(deps, ctx.slot.session ?? session, method, def, 'ok', input, ctx, trx);
          return result;
        });
      }
      for (const task of committed) {
        try {
          task();
        } catch (error) {
          deps.log.error(`${method} : tâche après validation en échec`, error);
        }
      }
      return ok(value);
    } catch (error) {
      if (error instanceof DomainError) {
        if (def.kind === 'command')
          await auditSafely(deps, session, method, def, 'failed', { ...redact(input, def.secret), error: error.message });
        return fail(error.code, error.message, error.fields);
      }
      deps.log.error(`${method} a échoué`, error);
      return fail(
        'INTERNAL',
        'Une erreur inattendue est survenue. L’opération n’a pas été enregistrée ; réessayez, puis prévenez l’administrateur si elle se répète.',
      );
    } finally {
      if (jobId) jobs.finish(jobId, controller);
    }
  };
}

async function audit(
  deps: CoreDeps,
  actor: Actor | null,
  method: string,
  def: MethodDef,
  outcome: 'ok',
  input: unknown,
  ctx: HandlerContext,
  db = deps.handle.db,
): Promise<void> {
  await appendAudit(db, deps.handle.features, deps.auditKey, {
    at: deps.clock.now().toISOString(),
    actorUserId: actor?.userId ?? null,
    actorLogin: actorLogin(actor),
    method,
    entity: def.entity ?? null,
    entityId: ctx.audit.entityId ?? null,
    outcome,
    summary: { input: redact(input, def.secret), ...(ctx.audit.detail ? { detail: ctx.audit.detail } : {}) },
  });
}

/** Refusals and failures are audited too, but an audit error must not hide the refusal. */
async function auditSafely(
  deps: CoreDeps,
  actor: Actor | null,
  method: string,
  def: MethodDef,
  outcome: 'denied' | 'failed',
  summary: Record<string, unknown>,
): Promise<void> {
  try {
    await appendAudit(deps.handle.db, deps.handle.features, deps.auditKey, {
      at: deps.clock.now().toISOString(),
      actorUserId: actor?.userId ?? null,
      actorLogin: actorLogin(actor),
      method,
      entity: def.entity ?? null,
      entityId: null,
      outcome,
      summary,
    });
  } catch (error) {
    deps.log.error('audit impossible', error);
  }
}
