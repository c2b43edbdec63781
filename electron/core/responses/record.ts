import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson } from '../../../shared/lib/canonical-json';
import { adjudicate } from '../../../shared/rules/claim-adjudication';
import type { ClaimResponseResource } from '../../../shared/rules/claim-response';
import type { ClaimedItem, LineDecision } from '../../../shared/domain/claim-responses';
import type { Database } from '../db/schema/index';

/** Where an answer came from: the send's own HTTP answer, or a file the ANAM sent back. */
export interface ResponseOrigin {
  at: string;
  source: 'envoi' | 'fichier';
  fileName: string | null;
  /** The worker that sent, or the user who imported. */
  by: string;
}

/** What a well-formed ClaimResponse says of its Claim. */
export type ResponseReading =
  | { kind: 'decided'; decisions: LineDecision[] }
  /** `outcome: error`: the ANAM could not process the Claim; an error attempt, nothing decided. */
  | { kind: 'error'; message: string }
  | { kind: 'invalid'; errors: string[] };

export function readResponse(items: readonly ClaimedItem[], response: ClaimResponseResource): ResponseReading {
  if (response.outcome === 'error') {
    const reasons = [
      ...(response.error ?? []).map((e) => e.code.text ?? e.code.coding[0]!.display ?? e.code.coding[0]!.code),
      ...(response.disposition ? [response.disposition] : []),
    ];
    return {
      kind: 'error',
      message: `L’ANAM n’a pas pu traiter la réclamation${reasons.length > 0 ? ` : ${reasons.join(' ; ').slice(0, 300)}` : ''}.`,
    };
  }
  const result = adjudicate(items, response);
  return result.ok ? { kind: 'decided', decisions: result.decisions } : { kind: 'invalid', errors: result.errors };
}

/** The items each message's Claim was sent with, in sequence order. */
export async function itemsOf(db: Kysely<Database>, messageIds: readonly number[]): Promise<Map<number, ClaimedItem[]>> {
  const out = new Map<number, ClaimedItem[]>(messageIds.map((id) => [id, []]));
  for (let i = 0; i < messageIds.length; i += 500) {
    const rows = await db
      .selectFrom('outbox_item')
      .selectAll()
      .where('message_id', 'in', messageIds.slice(i, i + 500))
      .orderBy('message_id')
      .orderBy('sequence')
      .execute();
    for (const r of rows) out.get(r.message_id)!.push({ sequence: r.sequence, lineKey: r.line_key, amount: Number(r.amount) });
  }
  return out;
}

export const responseSha256 = (response: ClaimResponseResource): string =>
  createHash('sha256').update(canonicalJson(response), 'utf8').digest('hex');

/**
 * Records an answer and its decision per line, as new rows: the same answer again (same SHA-256)
 * changes nothing; a different one is added and, being the newest, applies. An answer proves the
 * ANAM holds the Claim: a message not yet marked delivered is, now, and it is no longer polled.
 */
export async function recordDecisions(
  db: Kysely<Database>,
  message: { id: number; status: string },
  response: ClaimResponseResource,
  decisions: readonly LineDecision[],
  origin: ResponseOrigin,
): Promise<'applied' | 'unchanged'> {
  const sha256 = responseSha256(response);
  const known = await db
    .selectFrom('claim_response')
    .select('id')
    .where('message_id', '=', message.id)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (known) return 'unchanged';
  const row = await db
    .insertInto('claim_response')
    .values({
      message_id: message.id,
      received_at: origin.at,
      source: origin.source,
      file_name: origin.fileName,
      by_login: origin.by,
      sha256,
      outcome: response.outcome,
      disposition: response.disposition ?? null,
      body: canonicalJson(response),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (decisions.length > 0) {
    await db
      .insertInto('claim_response_line')
      .values(
        decisions.map((d) => ({
          response_id: row.id,
          sequence: d.sequence,
          line_key: d.lineKey,
          status: d.status,
          claimed: d.claimed,
          accepted: d.accepted,
          reason_code: d.reasonCode,
          reason_text: d.reasonText,
        })),
      )
      .execute();
  }
  if (message.status !== 'livre') {
    await db
      .updateTable('outbox_message')
      .set({ status: 'livre', delivered_at: origin.at, last_error: null, lease_owner: null, lease_until: null })
      .where('id', '=', message.id)
      .where('status', '<>', 'livre')
      .execute();
  }
  // Decided: nothing left to ask the ANAM about it (poll.ts).
  await db
    .updateTable('outbox_message')
    .set({ next_poll_at: null })
    .where('id', '=', message.id)
    .where('next_poll_at', 'is not', null)
    .execute();
  return 'applied';
}
