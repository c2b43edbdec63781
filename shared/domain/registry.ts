/** The ANAM registry as the product sees it: qualities, statuses, the stable eligibility codes. */

export const QUALITIES = ['titulaire', 'conjoint', 'enfant', 'admis_de_droit'] as const;
export type Quality = (typeof QUALITIES)[number];

export const QUALITY_LABELS: Record<Quality, string> = {
  titulaire: 'Titulaire',
  conjoint: 'Conjoint(e)',
  enfant: 'Enfant',
  admis_de_droit: 'Admis de droit',
};

export const PERSON_STATUSES = ['actif', 'suspendu', 'radie'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export const STATUS_LABELS: Record<PersonStatus, string> = { actif: 'Actif', suspendu: 'Suspendu', radie: 'Radié' };

/** Admis de droit categories the ANAM uses today; the file may carry others (the list is data). */
export const CATEGORY_LABELS: Record<string, string> = {
  bienfaisance: 'Établissement de bienfaisance ou orphelinat',
  penitentiaire: 'Détenu',
  sans_domicile: 'Sans domicile fixe',
  deplace_interne: 'Déplacé interne',
  blesse_guerre: 'Blessé de guerre',
};

export const REASON_CODES = [
  'NOT_FOUND',
  'NOT_YET_VALID',
  'EXPIRED',
  'SUSPENDED',
  'STRUCK_OFF',
  'HOLDER_NOT_ELIGIBLE',
  'HOLDER_NOT_FOUND',
  'CHILD_OVER_AGE',
  'CHILD_NOT_IN_SCHOOL',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export const REASON_LABELS: Record<ReasonCode, string> = {
  NOT_FOUND: 'Absent du registre',
  NOT_YET_VALID: 'Récépissé pas encore valide',
  EXPIRED: 'Récépissé expiré',
  SUSPENDED: 'Droits suspendus',
  STRUCK_OFF: 'Radié du registre',
  HOLDER_NOT_ELIGIBLE: 'Le titulaire du foyer n’a pas droit aux soins',
  HOLDER_NOT_FOUND: 'Titulaire du foyer introuvable dans le registre',
  CHILD_OVER_AGE: 'Enfant de 22 ans ou plus (non handicapé)',
  CHILD_NOT_IN_SCHOOL: 'Enfant de 14 à 21 ans non scolarisé',
};

export const WARNING_CODES = ['NEAR_EXPIRY', 'REGISTRY_STALE', 'BIRTH_YEAR_ONLY', 'IDENTITY_NOT_CHECKED'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export const WARNING_LABELS: Record<WarningCode, string> = {
  NEAR_EXPIRY: 'Fin de validité proche',
  REGISTRY_STALE: 'Registre local ancien : importez le dernier fichier de l’ANAM',
  BIRTH_YEAR_ONLY: 'Âge calculé sur la seule année de naissance (« né vers »)',
  IDENTITY_NOT_CHECKED: 'Identité non vérifiée',
};

/** A registered person, as the contract returns it. */
export interface PersonView {
  id: number;
  recepisse: string;
  familyName: string;
  givenNames: string;
  sex: 'M' | 'F';
  /** YYYY-MM-DD; YYYY-01-01 when only the year is known. */
  birthDate: string;
  birthYearOnly: boolean;
  quality: Quality;
  holderRecepisse: string | null;
  category: string | null;
  inSchool: boolean;
  disabled: boolean;
  validFrom: string | null;
  validTo: string | null;
  status: PersonStatus;
  nina: string | null;
  communeCode: string | null;
  commune: string | null;
  phone: string | null;
  /** The import that last changed this record. */
  importId: number | null;
  updatedAt: string;
}

export type RecepisseCheck = { ok: true; recepisse: string } | { ok: false; message: string };

/** Strips the spaces, dots and dashes people type or scanners add, and checks the 13 digits. */
export function normalizeRecepisse(input: string): RecepisseCheck {
  const compact = input.trim().replace(/[\s.\-\u00a0]/g, '');
  if (compact === '') return { ok: false, message: 'Saisissez le numéro du récépissé (13 chiffres).' };
  if (!/^\d+$/.test(compact)) return { ok: false, message: `Récépissé invalide « ${input.trim()} » : 13 chiffres attendus, sans lettres.` };
  if (compact.length !== 13)
    return { ok: false, message: `Récépissé invalide « ${input.trim()} » : 13 chiffres attendus (${compact.length} saisis).` };
  return { ok: true, recepisse: compact };
}

/** How a person is named on every screen and paper: the family name in capitals, then the given names. */
export const personName = (familyName: string, givenNames: string): string => `${familyName.toUpperCase()} ${givenNames}`;

/** 1111234567890 → 1111 2345 67890, easier to read aloud and compare with the paper. */
export const formatRecepisse = (recepisse: string): string =>
  recepisse.length === 13 ? `${recepisse.slice(0, 4)} ${recepisse.slice(4, 8)} ${recepisse.slice(8)}` : recepisse;

/** NINA numbers are kept as given, with spaces collapsed and letters upper-cased, so lookups match. */
export const normalizeNina = (input: string): string => input.trim().replace(/\s+/g, ' ').toUpperCase();
