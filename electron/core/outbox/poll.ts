import type { Kysely, Selectable } from 'kysely';
import { claimResponseSchema, queuedResponseSchema, type ClaimResponseResource } from '../../../shared/rules/claim-response';
import { FHIR_SYSTEMS } from '../claims/export/fhir';
import type { Database } from '../db/schema/index';
import type { OutboxMessageTable } from '../db/schema/outbox';
import { refreshClaimStatus } from '../responses/claim-status';
import { itemsOf, readResponse, recordDecisions } from '../responses/record';
import { matchAnswer } from './claim-match';
import { fhirHeaders, linkConfig, type LinkConfig, type OutboxEnv } from './send';
import { sentClaimOf } from './sent-claim';

type Message = Selectable<OutboxMessageTable>;

export interface PollReport {
  polled: number;
  decided: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Takes the poll of one due message by moving its date on, conditionally: of two workers, one asks. */
async function takeDue(env: OutboxEnv, config: LinkConfig, limit: number): Promise<Message[]> {
  const { db } = env;
  const now = env.clock.now();
  const due = await db
    .selectFrom('outbox_message')
    .selectAll()
    .where('status', '=', 'livre')
    .where('next_poll_at', 'is not', null)
    .where('next_poll_at', '<=', now.toISOString())
    .orderBy('next_poll_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const next = new Date(now.getTime() + config.pollMinutes * 60_000).toISOString();
  const taken: Message[] = [];
  for (const message of due) {
    const moved = await db
      .updateTable('outbox_message')
      .set({ next_poll_at: next })
      .where('id', '=', message.id)
      .where('next_poll_at', '=', message.next_poll_at)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 1) taken.push(message);
  }
  return taken;
}

/** The decided ClaimResponses of a search answer that name this message's Claim (the last one is the newest). */
function decidedAnswers(body: unknown, message: Message): ClaimResponseResource[] {
  if (!isObject(body) || body.resourceType !== 'Bundle' || !Array.isArray(body.entry)) return [];
  const sent = sentClaimOf(message);
  return body.entry
    .map((e: unknown) => (isObject(e) ? e.resource : undefined))
    .filter((r) => !queuedResponseSchema.safeParse(r).success)
    .map((r) => claimResponseSchema.safeParse(r))
    .filter((p) => p.success)
    .map((p) => p.data)
    .filter((r) => {
      // A search may list other claims' answers (openIMIS lists all): only one naming this Claim counts.
      const match = matchAnswer(sent, r, { learn: false });
      return match.kind === 'this' && match.named;
    });
}

async function pollOne(env: OutboxEnv, config: LinkConfig, message: Message): Promise<boolean> {
  // The server's id when known; else the Claim's idempotency identifier (FHIR's `:identifier` modifier).
  const search = message.remote_id
    ? `request=${encodeURIComponent(`Claim/${message.remote_id}`)}`
    : `request:identifier=${encodeURIComponent(`${FHIR_SYSTEMS.idempotency}|${message.idempotency_key}`)}`;
  let body: unknown;
  try {
    const response = await env.fetch(`${config.endpoint}/ClaimResponse?${search}`, {
      headers: fhirHeaders(config),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
    if (!response.ok) return false;
    body = JSON.parse(await response.text());
  } catch {
    // Offline, slow or unreadable: asked again at the next poll.
    return false;
  }
  const answer = decidedAnswers(body, message).at(-1);
  if (!answer) return false;
  const { db, features } = env;
  const items = (await itemsOf(db, [message.id])).get(message.id)!;
  const reading = readResponse(items, answer);
  if (reading.kind !== 'decided') {
    const error =
      reading.kind === 'error' ? reading.message : `Réponse de l’ANAM non conforme : ${reading.errors.slice(0, 3).join(' ; ')}.`;
    await db.updateTable('outbox_message').set({ last_error: error }).where('id', '=', message.id).execute();
    return false;
  }
  const now = env.clock.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await features.forUpdate(trx.selectFrom('claim').select('id').where('id', '=', message.claim_id)).execute();
    const origin = { at: now, source: 'envoi' as const, fileName: null, by: env.worker };
    await recordDecisions(trx, { id: message.id, status: 'livre' }, answer, reading.decisions, origin);
    await trx.updateTable('outbox_message').set({ next_poll_at: null, last_error: null }).where('id', '=', message.id).execute();
    await refreshClaimStatus(trx, message.claim_id);
  });
  return true;
}

/**
 * Asks the ANAM for the decision on the Claims it holds but has not decided (a transaction-response
 * without ClaimResponse, a `queued` answer, a 409): `GET {endpoint}/ClaimResponse?request=Claim/<id>`
 * with the server's id when known, else `?request:identifier=<system>|<key>`. A decided answer naming the Claim is applied like the
 * send's own; none yet, and the message is asked about again `anam.pollMinutes` later.
 */
export async function pollDecisions(env: OutboxEnv, options: { limit?: number; signal?: AbortSignal } = {}): Promise<PollReport> {
  const config = await linkConfig(env.db);
  const report: PollReport = { polled: 0, decided: 0 };
  if (config.endpoint === '') return report;
  for (const message of await takeDue(env, config, options.limit ?? 50)) {
    if (options.signal?.aborted) break;
    report.polled += 1;
    if (await pollOne(env, config, message)) report.decided += 1;
  }
  return report;
}

/** When the next poll falls due (null when nothing waits for a decision). */
export async function nextPollAt(db: Kysely<Database>): Promise<string | null> {
  const row = await db
    .selectFrom('outbox_message')
    .select((eb) => eb.fn.min('next_poll_at').as('at'))
    .where('status', '=', 'livre')
    .executeTakeFirst();
  return row?.at ?? null;
}
