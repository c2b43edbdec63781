import type { Kysely } from 'kysely';
import type { ClaimAnswerFigures, ClaimMonth, PaymentFigures } from '../../../shared/domain/statistics';
import type { Database } from '../db/schema/index';
import { claimAnswers } from './claim-answers';
import { paymentFigures } from './payments';

export interface ClaimFigures {
  claims: ClaimMonth[];
  answers: ClaimAnswerFigures | null;
  payments: PaymentFigures | null;
}

/**
 * The claims of the period's months: each month's newest signed version (what the ANAM is asked to
 * pay), or its draft while none is signed; what the ANAM answered for those versions; and the
 * payments received for the months' claims.
 */
export async function claimFigures(db: Kysely<Database>, months: readonly string[]): Promise<ClaimFigures> {
  const rows = await db
    .selectFrom('claim')
    .select(['id', 'month', 'version', 'status', 'total', 'signed_at'])
    .where('month', 'in', [...months])
    .orderBy('month')
    .orderBy('version', 'desc')
    .execute();
  const claims: ClaimMonth[] = [];
  const signed: Array<{ month: string; claimId: number }> = [];
  for (const month of months) {
    const versions = rows.filter((r) => r.month === month);
    const counted = versions.find((r) => r.status !== 'brouillon') ?? versions[0];
    if (!counted) continue;
    const isSigned = counted.status !== 'brouillon';
    claims.push({
      month,
      version: counted.version,
      status: counted.status,
      claimed: isSigned ? Number(counted.total) : null,
      signedAt: counted.signed_at,
    });
    if (isSigned) signed.push({ month, claimId: counted.id });
  }
  return { claims, answers: await claimAnswers(db, signed), payments: await paymentFigures(db, months) };
}
