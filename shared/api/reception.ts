import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import { isoDate } from '../lib/dates';
import { EPISODE_TYPES, IDENTITY_DOCUMENTS } from '../domain/episodes';
import type { AdmitResult, DeskCheck, DeskDay } from '../domain/reception';
import type { GeneratedFile } from '../contract/files';
import { recepisseInput } from './registry';

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : null));

export const receptionApi = {
  /** The desk's eligibility check of a récépissé: answered like registry.check, and recorded for the statistics. */
  'reception.check': defineMethod({
    input: () => z.strictObject({ recepisse: recepisseInput }),
    output: returns<DeskCheck>(),
    access: ['accueil'],
    kind: 'command',
    entity: 'reception_check',
  }),
  /** Admits a person: eligibility checked again here, the referral rule applied, the identity check kept. */
  'reception.admit': defineMethod({
    input: () =>
      z
        .strictObject({
          recepisse: recepisseInput,
          type: z.enum(EPISODE_TYPES, { message: 'Choisissez le type de venue' }),
          emergency: z.boolean().default(false),
          referralFrom: optionalText(120, 'Structure d’origine : 120 caractères au plus'),
          referralRef: optionalText(60, 'Référence : 60 caractères au plus'),
          identityDocument: z.enum(IDENTITY_DOCUMENTS, { message: 'Indiquez la pièce présentée' }),
          identityNumber: optionalText(40, 'Numéro de pièce : 40 caractères au plus'),
          identityMatches: z.boolean().nullable(),
          /** Required when the document does not match: why the agent admits anyway. */
          identityMismatchReason: optionalText(200, 'Motif : 200 caractères au plus'),
          /** The agent confirmed admitting although the document does not match. */
          confirmMismatch: z.boolean().default(false),
          /** The agent saw the episode already opened today and admits again. */
          confirmSameDay: z.boolean().default(false),
          /**
           * Emergency admission of a person the registry does not cover today: their registration
           * request, and why the agent admits them anyway. To be regularised (reception.regularisationDays).
           */
          registrationRequestId: z.number({ message: 'Demande d’immatriculation attendue' }).int().positive().optional(),
          unregisteredReason: optionalText(200, 'Motif : 200 caractères au plus'),
        })
        .refine((v) => v.registrationRequestId === undefined || v.type === 'urgence', {
          message: 'L’admission hors registre n’est possible que pour une urgence',
          path: ['type'],
        })
        .refine((v) => v.registrationRequestId === undefined || (v.unregisteredReason ?? '').length >= 5, {
          message: 'Admission en urgence hors registre : indiquez le motif (5 caractères au moins)',
          path: ['unregisteredReason'],
        })
        .refine((v) => v.identityDocument !== 'aucun' || v.identityMatches === null, {
          message: 'Sans pièce présentée, la concordance de l’identité ne peut pas être indiquée',
          path: ['identityMatches'],
        })
        .refine((v) => v.identityDocument === 'aucun' || v.identityMatches !== null, {
          message: 'Indiquez si la pièce correspond à la personne',
          path: ['identityMatches'],
        })
        .refine((v) => v.identityMatches !== false || (v.identityMismatchReason ?? '').length >= 5, {
          message: 'La pièce ne correspond pas : indiquez pourquoi vous admettez quand même (5 caractères au moins)',
          path: ['identityMismatchReason'],
        })
        .refine((v) => v.identityMatches !== false || v.confirmMismatch, {
          message: 'La pièce ne correspond pas : confirmez l’admission',
          path: ['confirmMismatch'],
        }),
    output: returns<AdmitResult>(),
    access: ['accueil'],
    kind: 'command',
    entity: 'episode',
  }),
  /** The admission slip of an episode (A5 PDF with the QR code of its number), to print or print again. */
  'reception.slip': defineMethod({
    input: () => z.strictObject({ episodeId: z.number({ message: 'Épisode attendu' }).int().positive() }),
    output: returns<GeneratedFile>(),
    access: ['accueil', 'gestionnaire'],
    kind: 'query',
  }),
  /** The desk's checks and admissions of a day (today by default), with the day's counts. */
  'reception.day': defineMethod({
    input: () => z.strictObject({ day: isoDate.optional() }),
    output: returns<DeskDay>(),
    access: ['accueil', 'gestionnaire'],
    kind: 'query',
  }),
};
