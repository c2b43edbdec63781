import { canonicalJson } from '../../../shared/lib/canonical-json';
import { blockingCount, flagViews } from '../../../shared/rules/claim-document';
import { CLAIM_STATUS_LABELS, type ClaimSummary } from '../../../shared/domain/claims';
import { signRefusal } from '../../../shared/rules/claim-period';
import { frenchMonth, ofMonth } from '../../../shared/lib/months';
import { isoToday } from '../clock';
import { conflict, DomainError, notFound, refused } from '../errors';
import { enqueueSignedClaim } from '../outbox/enqueue';
import { supersedeEarlier } from '../outbox/supersede';
import { checkSeverities, documentOf, sha256OfContent } from './compose';
import { lockLatest, toSummary } from './store';
import type { ServiceContext } from '../context';

/**
 * Signs the month's draft: its content is stored as canonical JSON with its SHA-256 and never
 * changes again. The manager signs what was shown: `sha256` must be the hash of the content now.
 * Two managers signing at once take turns on the claim's row lock: the second finds it signed.
 */
export async function signClaim(
  ctx: ServiceContext,
  { month, sha256: expectedSha256 }: { month: string; sha256: string },
): Promise<ClaimSummary> {
  const latest = await lockLatest(ctx, month);
  if (!latest) throw notFound(`Aucune réclamation pour ${frenchMonth(month)} : construisez-la d’abord.`);
  if (latest.status !== 'brouillon') {
    throw conflict(
      `La version ${latest.version} ${ofMonth(month)} est déjà ${CLAIM_STATUS_LABELS[latest.status].toLowerCase()}` +
        (latest.signed_by ? ` (par ${latest.signed_by}).` : '.'),
    );
  }
  const document = await documentOf(ctx.db, latest, { asOf: isoToday(ctx.clock) });
  const period = signRefusal(month, isoToday(ctx.clock), { earlyReason: latest.early_reason, episodes: document.episodes.length });
  if (period) throw refused(period);
  const blocking = blockingCount(flagViews(document, await checkSeverities(ctx.db)));
  if (blocking > 0) {
    throw refused(`${blocking} contrôle(s) bloquant(s) restent à traiter : corrigez ou excluez les lignes signalées avant de signer.`);
  }
  // Serialized once: what is hashed is exactly what is stored.
  const content = canonicalJson(document);
  const sha256 = sha256OfContent(content);
  if (sha256 !== expectedSha256) {
    throw new DomainError('CONFLICT', 'La réclamation a changé depuis son affichage : relisez-la, puis signez à nouveau.');
  }
  const row = await ctx.db
    .updateTable('claim')
    .set({
      status: 'signee',
      content,
      sha256,
      total: document.total,
      episodes: document.episodes.length,
      signed_at: ctx.clock.now().toISOString(),
      signed_by: ctx.login,
    })
    .where('id', '=', latest.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await supersedeEarlier(ctx, row);
  await enqueueSignedClaim(ctx.db, row, row.signed_at!);
  return toSummary(row);
}
