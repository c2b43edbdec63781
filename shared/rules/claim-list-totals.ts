import type { ClaimListRow } from '../domain/claim-responses';

/**
 * What the claims list's totals row adds, so that no amount is counted twice over the versions of
 * a month. « Réclamé » counts each month's claim once: the version that left (or will leave) for the
 * ANAM; a draft is not claimed yet, a version replaced before it left was never sent, and a
 * resubmission claims again lines already counted in the version it corrects. What the ANAM
 * accepted and paid are answers to distinct messages: every version adds its own.
 */
export function claimedInTotal(row: Pick<ClaimListRow, 'status' | 'total' | 'resubmitsId' | 'followUp'>): number {
  if (row.status === 'brouillon' || row.resubmitsId !== null || row.followUp?.supersededByVersion) return 0;
  return row.total;
}
