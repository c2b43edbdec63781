import type { Kysely, Selectable } from 'kysely';
import type { ClaimDocument } from '../../../shared/domain/claims';
import type { Database } from '../db/schema/index';
import type { ClaimTable } from '../db/schema/claims';
import { billedLines, claimBundle, FHIR_SYSTEMS } from '../claims/export/fhir';

const BATCH = 200;

/**
 * Queues every Claim (one per episode) of a just-signed version, in the sign-off's transaction.
 * Each message is a FHIR `transaction` Bundle whose single entry is a conditional create
 * (`ifNoneExist` on the idempotency identifier): the ANAM keeps at most one Claim per key. Each
 * item's claim line is kept beside it, so that the ANAM's answer can be read line by line.
 */
export async function enqueueSignedClaim(db: Kysely<Database>, claim: Selectable<ClaimTable>, now: string): Promise<number> {
  const doc = JSON.parse(claim.content!) as ClaimDocument;
  const bundle = claimBundle(doc, claim.sha256!, claim.signed_at!);
  const episodes = new Map(doc.episodes.map((e) => [e.number, e]));
  const rows = bundle.entry.map((entry) => {
    const key = entry.resource.id;
    const body = {
      resourceType: 'Bundle',
      type: 'transaction',
      timestamp: bundle.timestamp,
      entry: [{ ...entry, request: { method: 'POST', url: 'Claim', ifNoneExist: `identifier=${FHIR_SYSTEMS.idempotency}|${key}` } }],
    };
    return {
      claim_id: claim.id,
      episode_number: entry.resource.identifier[2]!.value,
      idempotency_key: key,
      body: JSON.stringify(body),
      status: 'en_attente' as const,
      attempts: 0,
      created_at: now,
      next_attempt_at: now,
    };
  });
  for (let i = 0; i < rows.length; i += BATCH) {
    const inserted = await db
      .insertInto('outbox_message')
      .values(rows.slice(i, i + BATCH))
      .returning(['id', 'episode_number'])
      .execute();
    const items = inserted.flatMap((m) =>
      billedLines(episodes.get(m.episode_number)!).map((l, n) => ({
        message_id: m.id,
        sequence: n + 1,
        line_key: l.key,
        amount: l.amount,
      })),
    );
    for (let j = 0; j < items.length; j += 4 * BATCH) {
      await db
        .insertInto('outbox_item')
        .values(items.slice(j, j + 4 * BATCH))
        .execute();
    }
  }
  return rows.length;
}
