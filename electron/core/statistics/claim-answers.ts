import type { Kysely } from 'kysely';
import { z } from 'zod';
import { claimResponseSchema, type ClaimResponseResource } from '../../../shared/claim-response';
import { CLAIM_CHECK_LABELS, type ClaimCheck } from '../../../shared/domain/claims';
import type { ClaimAnswerFigures, ClaimAnswerMonth, RejectionReason } from '../../../shared/domain/statistics';
import type { Database } from '../db/schema/index';

/** The billed amount of each item of the Claim a message carries (the frozen body of the outbox). */
const sentClaim = z.object({
  entry: z
    .array(z.object({ resource: z.object({ item: z.array(z.object({ sequence: z.number(), net: z.object({ value: z.number() }) })) }) }))
    .min(1),
});

const NO_REASON = 'SANS_MOTIF';

type Adjudication = ClaimResponseResource['item'][number]['adjudication'][number];
const categoryOf = (a: Adjudication) => a.category.coding[0]!.code;

function reasonOf(adjudications: readonly Adjudication[]): { code: string; label: string } {
  const withReason = adjudications.find((a) => categoryOf(a) === 'denied' && a.reason) ?? adjudications.find((a) => a.reason);
  const coding = withReason?.reason?.coding[0];
  if (!coding) return { code: NO_REASON, label: 'Motif non précisé par l’ANAM' };
  const label = withReason.reason!.text ?? coding.display ?? CLAIM_CHECK_LABELS[coding.code as ClaimCheck] ?? coding.code;
  return { code: coding.code, label };
}

/**
 * What the ANAM answered for the given signed versions, from the ClaimResponses the upload received
 * (`outbox_message.response`, one per episode): per item, the `benefit` amount is accepted and the
 * rest of the billed amount rejected, with the item's reason. Null when no answer is recorded.
 */
export async function claimAnswers(
  db: Kysely<Database>,
  versions: ReadonlyArray<{ month: string; claimId: number }>,
): Promise<ClaimAnswerFigures | null> {
  if (versions.length === 0) return null;
  const monthOfClaim = new Map(versions.map((v) => [v.claimId, v.month]));
  const messages = await db
    .selectFrom('outbox_message')
    .select(['claim_id', 'body', 'response'])
    .where('claim_id', 'in', [...monthOfClaim.keys()])
    .where('response', 'is not', null)
    .orderBy('id')
    .execute();
  const months = new Map<string, ClaimAnswerMonth>();
  const reasons = new Map<string, RejectionReason>();
  for (const message of messages) {
    const sent = sentClaim.safeParse(JSON.parse(message.body));
    const answer = claimResponseSchema.safeParse(JSON.parse(message.response!));
    if (!sent.success || !answer.success) continue;
    const billed = new Map(sent.data.entry[0]!.resource.item.map((i) => [i.sequence, i.net.value]));
    const month = monthOfClaim.get(message.claim_id)!;
    const figures = months.get(month) ?? { month, answered: 0, accepted: 0, rejected: 0 };
    for (const item of answer.data.item) {
      const net = billed.get(item.itemSequence);
      if (net === undefined) continue;
      const accepted = Math.min(
        net,
        item.adjudication.filter((a) => categoryOf(a) === 'benefit').reduce((sum, a) => sum + (a.amount?.value ?? 0), 0),
      );
      figures.answered += net;
      figures.accepted += accepted;
      if (accepted === net) continue;
      figures.rejected += net - accepted;
      const { code, label } = reasonOf(item.adjudication);
      const reason = reasons.get(code) ?? { code, label, lines: 0, amount: 0 };
      reason.lines += 1;
      reason.amount += net - accepted;
      reasons.set(code, reason);
    }
    months.set(month, figures);
  }
  if (months.size === 0) return null;
  return { months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)), reasons: [...reasons.values()] };
}
