import { sql, type Kysely, type Selectable } from 'kysely';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import type { OutboxMessageTable } from '../db/schema/outbox';
import type { LineDecision } from '../../../shared/domain/claim-responses';
import { refreshClaimStatus } from '../responses/claim-status';
import { itemsOf, readResponse, recordDecisions } from '../responses/record';
import { FHIR_SYSTEMS } from '../claims/export/fhir';
import { getSettings } from '../settings/settings';
import { readAnswer, type AnswerVerdict, type SubmitMode } from './answer';
import { claimOfBody, sentClaimOf } from './sent-claim';
import { backoffMs, retryAfterMs } from './backoff';

/** After this many failed attempts in a series a message stops retrying (`echec`) until a manager puts it back (retry.ts). */
export const MAX_ATTEMPTS = 40;
/** The shortest wait before a failed message is tried again (the drawn delay can be 0). */
const MIN_RETRY_MS = 1000;

/** A send's service context and what tests inject besides: chance, the network, the worker's name. */
export interface OutboxEnv extends ServiceContext {
  random(): number;
  fetch: typeof fetch;
  /** Names this worker in leases and attempts. */
  worker: string;
}

export interface SendReport {
  configured: boolean;
  attempted: number;
  delivered: number;
  failed: number;
}

type Message = Selectable<OutboxMessageTable>;
type PostResult = { status: number | null; verdict: AnswerVerdict; retryAfter: number | null };
type CheckedResult = PostResult & { decisions: LineDecision[] };

/** A lease outlives a full attempt with margin; past it, another worker may take the message over. */
const leaseMs = (timeoutMs: number) => 2 * timeoutMs + 60_000;

/**
 * Takes the lease on the next due message in one conditional update (atomic on both databases):
 * of two workers, one updates the row and the other finds it already leased.
 */
async function leaseNext(env: OutboxEnv, timeoutMs: number, dueBy: string): Promise<Message | null> {
  const { db } = env;
  const now = env.clock.now().toISOString();
  const candidates = await db
    .selectFrom('outbox_message')
    .select('id')
    .where('status', '=', 'en_attente')
    .where('next_attempt_at', '<=', dueBy)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(10)
    .execute();
  const until = new Date(env.clock.now().getTime() + leaseMs(timeoutMs)).toISOString();
  for (const { id } of candidates) {
    const taken = await db
      .updateTable('outbox_message')
      .set({ lease_owner: env.worker, lease_until: until })
      .where('id', '=', id)
      .where('status', '=', 'en_attente')
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 1) {
      return db.selectFrom('outbox_message').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    }
  }
  return null;
}

function networkError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `Pas de réponse de l’ANAM en ${Math.round(timeoutMs / 1000)} s (délai dépassé).`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: string } | null)?.code;
  if (code === 'ECONNREFUSED') return 'Connexion à l’ANAM impossible (service injoignable).';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'Adresse de l’ANAM introuvable (pas de réseau ?).';
  return `Connexion interrompue avec l’ANAM${code ? ` (${code})` : ''}.`;
}

/** What a pass needs from the settings. */
export interface LinkConfig {
  endpoint: string;
  token: string;
  timeoutMs: number;
  mode: SubmitMode;
  pollMinutes: number;
}

export async function linkConfig(db: Kysely<Database>): Promise<LinkConfig> {
  const s = await getSettings(db, ['anam.endpoint', 'anam.token', 'anam.timeoutMs', 'anam.submitMode', 'anam.pollMinutes']);
  return {
    endpoint: s['anam.endpoint'].replace(/\/+$/, ''),
    token: s['anam.token'],
    timeoutMs: s['anam.timeoutMs'],
    mode: s['anam.submitMode'],
    pollMinutes: s['anam.pollMinutes'],
  };
}

export const fhirHeaders = (config: LinkConfig) => ({
  accept: 'application/fhir+json',
  ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
});

/** POSTs the message: its transaction Bundle to `{endpoint}/Bundle`, or (`claim` mode) its Claim to `{endpoint}/Claim`. */
async function post(env: OutboxEnv, message: Message, config: LinkConfig): Promise<PostResult> {
  const signal = AbortSignal.timeout(config.timeoutMs);
  const claim = config.mode === 'claim';
  try {
    const response = await env.fetch(`${config.endpoint}/${claim ? 'Claim' : 'Bundle'}`, {
      method: 'POST',
      headers: {
        ...fhirHeaders(config),
        'content-type': 'application/fhir+json',
        'idempotency-key': message.idempotency_key,
        ...(claim ? { 'if-none-exist': `identifier=${FHIR_SYSTEMS.idempotency}|${message.idempotency_key}` } : {}),
      },
      body: claim ? JSON.stringify(claimOfBody(message.body)) : message.body,
      signal,
    });
    const text = await response.text();
    const retryAfter = response.status === 503 ? retryAfterMs(response.headers.get('retry-after'), env.clock.now()) : null;
    const exchange = { status: response.status, text, location: response.headers.get('location') };
    return { status: response.status, verdict: readAnswer(exchange, sentClaimOf(message), config.mode), retryAfter };
  } catch (error) {
    return { status: null, verdict: { kind: 'failed', error: networkError(error, config.timeoutMs) }, retryAfter: null };
  }
}

/**
 * Reads a ClaimResponse line by line against the items sent: an answer that cannot be applied
 * (a line unknown or left undecided, `outcome: error`) is a failed attempt, tried again later.
 */
async function checkDecisions(env: OutboxEnv, message: Message, result: PostResult): Promise<CheckedResult> {
  if (result.verdict.kind !== 'delivered') return { ...result, decisions: [] };
  const items = (await itemsOf(env.db, [message.id])).get(message.id)!;
  const reading = readResponse(items, result.verdict.response);
  if (reading.kind === 'decided') return { ...result, decisions: reading.decisions };
  const error = reading.kind === 'error' ? reading.message : `Réponse de l’ANAM non conforme : ${reading.errors.slice(0, 3).join(' ; ')}.`;
  return { ...result, verdict: { kind: 'failed', error }, decisions: [] };
}

/** Records the attempt and its effect on the message (and the answer, line by line) in one transaction. */
async function record(env: OutboxEnv, message: Message, startedAt: string, result: CheckedResult, config: LinkConfig): Promise<void> {
  const now = env.clock.now();
  const attempts = message.attempts + 1;
  // The wait and the cap count the current series only: a message put back in the queue starts over.
  const inSeries = attempts - message.series_start;
  const { verdict } = result;
  const { db, features } = env;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('outbox_attempt')
      .values({
        message_id: message.id,
        worker: env.worker,
        started_at: startedAt,
        finished_at: now.toISOString(),
        http_status: result.status,
        outcome: verdict.kind === 'duplicate' ? 'doublon' : verdict.kind === 'failed' ? 'echec' : 'livre',
        error: verdict.kind === 'failed' ? verdict.error : null,
      })
      .execute();
    // Two workers finishing a version's last two messages take turns, so one of them sees it complete.
    await features.forUpdate(trx.selectFrom('claim').select('id').where('id', '=', message.claim_id)).execute();
    const base = trx.updateTable('outbox_message').where('id', '=', message.id).where('status', '=', 'en_attente');
    if (verdict.kind === 'failed') {
      const wait = Math.max(MIN_RETRY_MS, result.retryAfter ?? backoffMs(inSeries, env.random));
      await base
        .set({
          attempts,
          status: inSeries >= MAX_ATTEMPTS ? 'echec' : 'en_attente',
          next_attempt_at: new Date(now.getTime() + wait).toISOString(),
          last_error: verdict.error,
          lease_owner: null,
          lease_until: null,
        })
        .execute();
      return;
    }
    await base
      .set({
        attempts,
        status: 'livre',
        delivered_at: now.toISOString(),
        last_error: null,
        response: verdict.kind === 'delivered' ? JSON.stringify(verdict.response) : null,
        remote_id: verdict.remoteId ?? message.remote_id,
        // Held but undecided: its ClaimResponse is asked for later (poll.ts).
        next_poll_at: verdict.kind === 'delivered' ? null : new Date(now.getTime() + config.pollMinutes * 60_000).toISOString(),
        lease_owner: null,
        lease_until: null,
      })
      .execute();
    if (verdict.kind === 'delivered') {
      const origin = { at: now.toISOString(), source: 'envoi' as const, fileName: null, by: env.worker };
      await recordDecisions(trx, { id: message.id, status: 'livre' }, verdict.response, result.decisions, origin);
    }
    await refreshClaimStatus(trx, message.claim_id);
  });
}

/**
 * Sends the messages due when the pass begins, one by one (at most `limit`), each under its lease.
 * A message that fails is due again at the earliest a moment later, so it waits for the next pass
 * however short its drawn delay: a pass never hammers the ANAM with the same message.
 */
export async function sendDue(env: OutboxEnv, options: { limit?: number; signal?: AbortSignal } = {}): Promise<SendReport> {
  const config = await linkConfig(env.db);
  const report: SendReport = { configured: config.endpoint !== '', attempted: 0, delivered: 0, failed: 0 };
  if (!report.configured) return report;
  const dueBy = env.clock.now().toISOString();
  while (report.attempted < (options.limit ?? Infinity) && !options.signal?.aborted) {
    const message = await leaseNext(env, config.timeoutMs, dueBy);
    if (!message) break;
    const startedAt = env.clock.now().toISOString();
    const result = await checkDecisions(env, message, await post(env, message, config));
    await record(env, message, startedAt, result, config);
    report.attempted += 1;
    if (result.verdict.kind === 'failed') report.failed += 1;
    else report.delivered += 1;
  }
  return report;
}

/**
 * When the next message falls due (null when nothing waits). A message another worker has leased
 * is not due before its lease ends: counting it as due would make a waiting sender spin until then.
 */
export async function nextDueAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('outbox_message')
    .select(
      sql<
        string | null
      >`min(case when lease_until is not null and lease_until > next_attempt_at then lease_until else next_attempt_at end)`.as('at'),
    )
    .where('status', '=', 'en_attente')
    .executeTakeFirst();
  return row?.at ?? null;
}
