import { z } from 'zod';
import { parseDhis2Mapping } from '../rules/dhis2/mapping';

/** A whole number typed in a form or on the command line, with French messages (an empty field is not 0). */
const wholeNumber = (min: number, max: number, unit = '') => {
  const amount = (n: number) => `${n}${unit && ` ${unit}${n > 1 && unit !== 'ms' ? 's' : ''}`}`;
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce
      .number({ message: 'Nombre entier attendu' })
      .int('Nombre entier attendu (sans virgule)')
      .min(min, `Au moins ${amount(min)}`)
      .max(max, `Au plus ${amount(max)}`),
  );
};

/** An absolute path: a Windows drive or share, or a POSIX path (a USB key's folder). */
const absoluteFolder = z
  .string()
  .trim()
  .max(1024)
  .refine((v) => v === '' || /^([A-Za-z]:[\\/]|\\\\|\/)/.test(v), 'Chemin complet attendu (ex. E:\\Sauvegardes ou /media/cle/sauvegardes)');

/** Whether a claim check blocks sign-off or only warns. */
const checkSeverity = (what: string, byDefault: 'bloquant' | 'avertissement') => ({
  label: `Contrôle de réclamation : ${what}`,
  schema: z.enum(['bloquant', 'avertissement'], { message: 'Valeur attendue : bloquant ou avertissement' }),
  default: byDefault,
});

/**
 * Every facility setting: its schema, default and French label. The settings service, the CLI
 * (`ramed settings get|set`) and the Administration screen all read this one list. Which database
 * a workstation opens (`database.url`) is the workstation's own: see electron/core/workstation.ts.
 */
export const SETTINGS = {
  'anam.endpoint': {
    label: "Adresse du service de l'ANAM (FHIR)",
    schema: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'Adresse web attendue (https://…)' })]),
    default: '',
  },
  'anam.token': { label: "Jeton d'accès ANAM", schema: z.string().max(4096), default: '', secret: true },
  'anam.timeoutMs': {
    label: "Délai d'attente d'un envoi (ms)",
    schema: wholeNumber(1000, 300000, 'ms'),
    default: 30000,
  },
  'anam.submitMode': {
    label: "Forme de l'envoi des réclamations à l'ANAM",
    schema: z.enum(['bundle', 'claim'], { message: 'Valeur attendue : bundle ou claim' }),
    default: 'bundle',
  },
  'anam.pollMinutes': {
    label: "Réclamation reçue sans décision : redemander la réponse de l'ANAM toutes les … minutes",
    schema: wholeNumber(5, 10080, 'minute'),
    default: 60,
  },
  'anam.pullHours': {
    label: "Listes de l'ANAM (registre, tarifs, médicaments) : télécharger toutes les … heures (0 : jamais)",
    schema: wholeNumber(0, 720, 'heure'),
    default: 24,
  },
  'anam.publicKey': {
    label: "Clé publique de l'ANAM (Ed25519, base64) pour vérifier les fichiers du registre",
    schema: z.string().trim().max(2048),
    default: '',
  },
  'reference.unsignedFiles': {
    label:
      "Liste de l'ANAM (tarifs, médicaments, contrôles) sans signature alors que la clé est configurée : refuser, ou importer avec un avertissement",
    schema: z.enum(['refuser', 'avertir'], { message: 'Valeur attendue : refuser ou avertir' }),
    default: 'refuser',
  },
  'dhis2.url': {
    label: 'Adresse du serveur DHIS2 du SNIS (sans /api)',
    schema: z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'Adresse web attendue (https://…)' })]),
    default: '',
  },
  'dhis2.username': { label: 'Utilisateur DHIS2', schema: z.string().trim().max(200), default: '' },
  'dhis2.password': { label: 'Mot de passe DHIS2', schema: z.string().max(1024), default: '', secret: true },
  'dhis2.orgUnit': {
    label: 'Code DHIS2 de l’établissement (vide : le code de l’établissement)',
    schema: z
      .string()
      .trim()
      .max(50, 'Code DHIS2 de 50 caractères au plus')
      .regex(/^[A-Za-z0-9_.-]*$/, 'Code DHIS2 : lettres sans accent, chiffres, « _ », « - » ou « . »'),
    default: '',
  },
  'dhis2.mapping': {
    label: 'Correspondance des indicateurs DHIS2 (JSON ; vide : celle par défaut)',
    schema: z
      .string()
      .max(100_000, 'Correspondance trop longue (100 000 caractères au plus)')
      .superRefine((text, ctx) => {
        const parsed = parseDhis2Mapping(text);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
      }),
    default: '',
  },
  'dhis2.timeoutMs': {
    label: 'Délai d’attente d’un envoi au DHIS2 (ms)',
    schema: wholeNumber(1000, 300000, 'ms'),
    default: 60000,
  },
  'referral.rule': {
    label: 'Patient venu sans référence (hors urgence) au CSREF ou à l’hôpital',
    schema: z.enum(['allow', 'warn', 'refuse'], { message: 'Valeur attendue : allow, warn ou refuse' }),
    default: 'warn',
  },
  'reception.regularisationDays': {
    label: 'Admission en urgence hors registre : jours laissés pour que la personne apparaisse au registre',
    schema: wholeNumber(1, 365, 'jour'),
    default: 15,
  },
  'lock.inactivityMinutes': {
    label: "Verrouillage de l'écran après inactivité (minutes)",
    schema: wholeNumber(1, 240, 'minute'),
    default: 10,
  },
  'auth.maxFailedLogins': {
    label: 'Échecs de connexion avant blocage du compte',
    schema: wholeNumber(3, 20),
    default: 5,
  },
  'auth.lockoutMinutes': {
    label: 'Durée du blocage du compte (minutes)',
    schema: wholeNumber(1, 1440, 'minute'),
    default: 15,
  },
  'auth.sessionHours': {
    label: 'Durée maximale d’une session avant reconnexion (heures)',
    schema: wholeNumber(1, 24, 'heure'),
    default: 12,
  },
  'registry.freshnessDays': {
    label: 'Âge maximal du registre avant alerte (jours)',
    schema: wholeNumber(1, 365, 'jour'),
    default: 45,
  },
  'registry.maxStrikeOffPercent': {
    label: 'Import complet : part du registre au-delà de laquelle la radiation des absents doit être confirmée (%)',
    schema: wholeNumber(0, 100, ''),
    default: 5,
  },
  'eligibility.nearExpiryDays': {
    label: 'Alerte de fin de validité proche (jours)',
    schema: wholeNumber(0, 365, 'jour'),
    default: 30,
  },
  'backup.folder': { label: 'Dossier des sauvegardes (sur une clé USB)', schema: absoluteFolder, default: '' },
  'backup.intervalHours': {
    label: 'Sauvegarde automatique toutes les … heures (0 : jamais)',
    schema: wholeNumber(0, 168, 'heure'),
    default: 24,
  },
  'backup.keep': { label: 'Nombre de sauvegardes gardées dans le dossier', schema: wholeNumber(1, 100), default: 7 },
  'claims.medicineMaxQuantity': {
    label: 'Réclamation : unités d’un médicament au plus sur une ligne',
    schema: wholeNumber(1, 10000),
    default: 120,
  },
  'episodes.icd10AtClosing': {
    label: 'Code CIM-10 du diagnostic à la clôture d’un épisode',
    schema: z.enum(['facultatif', 'obligatoire'], { message: 'Valeur attendue : facultatif ou obligatoire' }),
    default: 'facultatif',
  },
  'pharmacy.offListMedicines': {
    label: 'Médicament hors liste essentielle pour un patient RAMED',
    schema: z.enum(['refuser', 'justifier'], { message: 'Valeur attendue : refuser ou justifier' }),
    default: 'justifier',
  },
  'claims.paymentDelayDays': {
    label: 'Réclamation signalée si elle reste impayée plus de … jours après son envoi',
    schema: wholeNumber(1, 730, 'jour'),
    default: 90,
  },
  'claims.check.PATIENT_NOT_ELIGIBLE': checkSeverity('Patient non éligible à la date des soins', 'bloquant'),
  'claims.check.NOT_IN_TARIFF': checkSeverity('Élément absent de la liste en vigueur', 'bloquant'),
  'claims.check.NON_POSITIVE_AMOUNT': checkSeverity('Montant nul ou négatif', 'bloquant'),
  'claims.check.QUANTITY_OVER_LIMIT': checkSeverity('Quantité au-delà de la limite', 'bloquant'),
  'claims.check.END_BEFORE_START': checkSeverity('Fin d’épisode avant son début', 'bloquant'),
  'claims.check.DUPLICATE_ACT': checkSeverity('Même acte deux fois le même jour pour un patient', 'avertissement'),
  'claims.check.DUPLICATE_ADMISSION': checkSeverity('Même patient admis deux fois le même jour', 'avertissement'),
  'claims.check.CAESAREAN_BILLED': checkSeverity('Césarienne facturée au RAMED', 'bloquant'),
  'claims.check.EXCLUDED_CARE': checkSeverity('Soin exclu du RAMED', 'bloquant'),
  'claims.check.IDENTITY_NOT_CHECKED': checkSeverity('Identité non vérifiée à l’admission', 'avertissement'),
  'claims.check.IDENTITY_MISMATCH': checkSeverity('Pièce d’identité ou NINA non concordant à l’admission', 'bloquant'),
  'claims.check.ELIGIBILITY_CHANGED': checkSeverity(
    'Éligible à l’admission, registre changé depuis pour la date des soins',
    'avertissement',
  ),
  'claims.check.NO_REFERRAL': checkSeverity('CSREF ou hôpital sans référence, hors urgence', 'avertissement'),
  'claims.check.IMPLAUSIBLE_SEX': checkSeverity('Acte incompatible avec le sexe du patient (règles de contrôle)', 'avertissement'),
  'claims.check.IMPLAUSIBLE_AGE': checkSeverity('Acte incompatible avec l’âge du patient (règles de contrôle)', 'avertissement'),
  'claims.check.REPEAT_TOO_SOON': checkSeverity('Même acte répété avant l’intervalle minimum', 'avertissement'),
  'claims.check.OVER_PERIOD_LIMIT': checkSeverity('Plus d’actes que le maximum sur la période', 'avertissement'),
  'claims.check.DAYS_OVER_STAY': checkSeverity('Plus de journées facturées que de jours de séjour', 'avertissement'),
  'claims.check.OVERLAPPING_STAYS': checkSeverity('Deux séjours du même patient qui se chevauchent', 'avertissement'),
  'claims.check.DOSE_OVER_MAXIMUM': checkSeverity('Médicament au-delà de la dose journalière × jours', 'avertissement'),
  'claims.check.NOT_ESSENTIAL': checkSeverity('Médicament hors liste essentielle dispensé sans justification', 'bloquant'),
  'claims.check.OFF_LIST_JUSTIFIED': checkSeverity('Médicament hors liste essentielle, justifié à la dispensation', 'avertissement'),
  'claims.check.NOT_REGULARISED': checkSeverity('Admission en urgence hors registre non régularisée dans le délai', 'bloquant'),
  'claims.check.REGULARISATION_PENDING': checkSeverity(
    'Admission en urgence hors registre en attente de régularisation (délai pas encore passé)',
    'avertissement',
  ),
} as const satisfies Record<string, SettingDef>;

export interface SettingDef {
  label: string;
  schema: z.ZodType;
  default: unknown;
  secret?: boolean;
}

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];
export const isSettingKey = (key: string): key is SettingKey => Object.hasOwn(SETTINGS, key);

export interface SettingView {
  key: string;
  label: string;
  value: unknown;
  isDefault: boolean;
  secret: boolean;
}
