/** Where a monthly claim version stands, from draft to payment (its own file: episodes refer to it too). */
export const CLAIM_STATUSES = [
  'brouillon',
  'signee',
  'en_file',
  'envoyee',
  'acceptee',
  'partiellement_rejetee',
  'rejetee',
  'payee',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  brouillon: 'Brouillon',
  signee: 'Signée',
  en_file: 'En file d’envoi',
  envoyee: 'Envoyée',
  acceptee: 'Acceptée',
  partiellement_rejetee: 'Partiellement rejetée',
  rejetee: 'Rejetée',
  payee: 'Payée',
};
