import type { EpisodeType, IdentityDocument } from '../../../../shared/domain/episodes';

/** The visit as the agent fills it in at the desk. */
export interface VisitDraft {
  type: EpisodeType;
  emergency: boolean;
  referralFrom: string;
  referralRef: string;
}

/** The identity check: nothing pre-filled, the agent chooses the document shown and whether it matches. */
export interface IdentityDraft {
  document: IdentityDocument | '';
  number: string;
  matches: 'oui' | 'non' | '';
  mismatchReason: string;
  confirmMismatch: boolean;
}

export const NEW_VISIT: VisitDraft = { type: 'consultation_externe', emergency: false, referralFrom: '', referralRef: '' };
export const NO_IDENTITY: IdentityDraft = { document: '', number: '', matches: '', mismatchReason: '', confirmMismatch: false };

/** The identity part of `reception.admit`: what does not apply to the document chosen is left out. */
export const identityInput = (identity: IdentityDraft) => {
  const { document, number, matches } = identity;
  return {
    // An unchosen document is refused by the contract with its French message, next to the field.
    identityDocument: document as IdentityDocument,
    identityNumber: document === 'aucun' ? '' : number,
    identityMatches: document === 'aucun' || matches === '' ? null : matches === 'oui',
    identityMismatchReason: matches === 'non' ? identity.mismatchReason : '',
    confirmMismatch: matches === 'non' && identity.confirmMismatch,
  };
};
