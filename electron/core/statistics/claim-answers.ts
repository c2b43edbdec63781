import { sql, type Kysely } from 'kysely';
import { CLAIM_CHECK_LABELS, type ClaimCheck } from '../../../shared/domain/claims';
import type { ClaimAnswerFigures, ClaimAnswerMonth, RejectionReason } from '../../../shared/domain/statistics';
import type { Database } from '../db/schema/index';
import { newestResponseLines } from '../responses/newest';

const NO_REASON = 'SANS_MOTIF';

const labelOf = (code: string | null, text: string | null): string =>
  code === null ? 'Motif non précisé par l’ANAM' : (text ?? CLAIM_CHECK_LABELS[code as ClaimCheck] ?? code);

/**
 * What the ANAM answered for the given signed versions: the newest answer to each Claim, whether
 * the upload received it or the manager imported it from a file. Per line, the accepted amount is
 * accepted and the rest of the billed amount rejected, with the line's reason. Null when no answer
 * is recorded.
 */
export async function claimAnswers(
  db: Kysely<Database>,
  versions: ReadonlyArray<{ month: string; claimId: number }>,
): Promise<ClaimAnswerFigures | null> {
  if (versions.length === 0) return null;
  const monthOfClaim = new Map(versions.map((v) => [v.claimId, v.month]));
  const claimIds = [...monthOfClaim.keys()];
  const perClaim = await newestResponseLines(db)
    .where('outbox_message.claim_id', 'in', claimIds)
    .select([
      'outbox_message.claim_id as claimId',
      (eb) => eb.fn.sum<number>('claim_response_line.claimed').as('answered'),
      (eb) => eb.fn.sum<number>('claim_response_line.accepted').as('accepted'),
    ])
    .groupBy('outbox_message.claim_id')
    .execute();
  const rejections = await newestResponseLines(db)
    .where('outbox_message.claim_id', 'in', claimIds)
    .whereRef('claim_response_line.accepted', '<', 'claim_response_line.claimed')
    .select([
      'claim_response_line.reason_code as code',
      (eb) => eb.fn.max('claim_response_line.reason_text').as('text'),
      (eb) => eb.fn.countAll<number>().as('lines'),
      sql<number>`sum(claim_response_line.claimed - claim_response_line.accepted)`.as('amount'),
    ])
    .groupBy('claim_response_line.reason_code')
    .execute();

  const months = new Map<string, ClaimAnswerMonth>();
  for (const row of perClaim) {
    const month = monthOfClaim.get(row.claimId)!;
    const figures = months.get(month) ?? { month, answered: 0, accepted: 0, rejected: 0 };
    const answered = Number(row.answered);
    const accepted = Number(row.accepted);
    figures.answered += answered;
    figures.accepted += accepted;
    figures.rejected += answered - accepted;
    months.set(month, figures);
  }
  if (months.size === 0) return null;
  const reasons: RejectionReason[] = rejections.map((r) => ({
    code: r.code ?? NO_REASON,
    label: labelOf(r.code, r.text),
    lines: Number(r.lines),
    amount: Number(r.amount),
  }));
  return { months: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)), reasons };
}
