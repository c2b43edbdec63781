import { CLAIM_STATUS_LABELS, type ClaimStatus } from '../../../../shared/domain/claims';

/** The claim's status in words and colour (never colour alone). */
export function ClaimStatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`badge badge-claim-${status}`}>{CLAIM_STATUS_LABELS[status]}</span>;
}
