import type { Kysely, Selectable } from 'kysely';
import type { ClaimDocument } from '../../../shared/domain/claims';
import type { Database } from '../db/schema/index';
import type { ClaimTable } from '../db/schema/claims';
import { claimBundle, FHIR_SYSTEMS } from '../claims/export/fhir';

/**
 * Queues every Claim (one per episode) of a just-signed version, in the sign-off's transaction.
 * Each message is a FHIR `transaction` Bundle whose single entry is a conditional create
 * (`ifNoneExist` on the idempotency identifier): the ANAM keeps at most one Claim per key.
 */
export async function enqueueSignedClaim(db: Kysely<Database>, claim: Selectable<ClaimTable>, now: string): Promise<number> {
  const doc = JSON.parse(claim.content!) as ClaimDocument;
  const bundle = claimBundle(doc, claim.sha256!, claim.signed_at!);
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
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('outbox_message')
      .values(rows.slice(i, i + 200))
      .execute();
  return rows.length;
}
