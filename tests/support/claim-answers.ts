import type { Kysely } from 'kysely';
import type { Database } from '../../electron/core/db/schema/index';
import { refreshClaimStatus } from '../../electron/core/responses/claim-status';
import { itemsOf, readResponse, recordDecisions } from '../../electron/core/responses/record';
import { claimResponseSchema } from '../../shared/rules/claim-response';

export interface ItemDecision {
  /** FCFA the ANAM accepts for the item (the billed amount when it pays it all). */
  accepted: number;
  /** Given with an item accepted in part or not at all. */
  reason?: { code: string; text?: string };
}

interface SentBundle {
  entry: Array<{
    resource: { identifier: Array<{ system: string; value: string }>; item: Array<{ sequence: number; net: { value: number } }> };
  }>;
}

const KEY_SYSTEM = 'https://ramed.anam.ml/fhir/sid/cle-idempotence';
const EPISODE_SYSTEM = 'https://ramed.anam.ml/fhir/sid/episode';

/**
 * Records the ANAM's answer to the queued Claims of a signed version as the upload worker would on
 * delivery (status `livre`, the ClaimResponse and its decision per line, the claim's status following), each item adjudicated by
 * `decide`. Episodes for which `answered` is false stay waiting.
 */
export async function answerClaim(
  db: Kysely<Database>,
  claimId: number,
  decide: (episodeNumber: string, item: { sequence: number; net: number }) => ItemDecision,
  answered: (episodeNumber: string) => boolean = () => true,
): Promise<void> {
  const messages = await db
    .selectFrom('outbox_message')
    .select(['id', 'body', 'idempotency_key'])
    .where('claim_id', '=', claimId)
    .execute();
  for (const m of messages) {
    const claim = (JSON.parse(m.body) as SentBundle).entry[0]!.resource;
    const episode = claim.identifier.find((i) => i.system === EPISODE_SYSTEM)!.value;
    if (!answered(episode)) continue;
    const decisions = claim.item.map((item) => ({ item, decision: decide(episode, { sequence: item.sequence, net: item.net.value }) }));
    const items = decisions.map(({ item, decision }) => {
      const reason = decision.reason
        ? { reason: { coding: [{ code: decision.reason.code }], ...(decision.reason.text ? { text: decision.reason.text } : {}) } }
        : {};
      const adjudication =
        decision.accepted === 0
          ? [{ category: { coding: [{ code: 'denied' }] }, ...reason }]
          : [{ category: { coding: [{ code: 'benefit' }] }, amount: { value: decision.accepted, currency: 'XOF' }, ...reason }];
      return { itemSequence: item.sequence, adjudication };
    });
    const partial = decisions.some(({ item, decision }) => decision.accepted < item.net.value);
    const response = {
      resourceType: 'ClaimResponse',
      status: 'active',
      outcome: partial ? 'partial' : 'complete',
      request: { identifier: { system: KEY_SYSTEM, value: m.idempotency_key } },
      item: items,
    };
    const answer = claimResponseSchema.parse(response);
    const reading = readResponse((await itemsOf(db, [m.id])).get(m.id)!, answer);
    if (reading.kind !== 'decided') throw new Error(`réponse de test illisible : ${JSON.stringify(reading)}`);
    const at = '2026-12-20T10:00:00.000Z';
    await db
      .updateTable('outbox_message')
      .set({ attempts: 1, response: JSON.stringify(response) })
      .where('id', '=', m.id)
      .execute();
    await recordDecisions(db, { id: m.id, status: 'en_attente' }, answer, reading.decisions, {
      at,
      source: 'envoi',
      fileName: null,
      by: 'test',
    });
  }
  await refreshClaimStatus(db, claimId);
}
