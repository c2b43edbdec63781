import { z } from 'zod';

/**
 * Every facility setting: its schema, default and French label. The settings service, the CLI
 * (`ramed settings get|set`) and the Administration screen all read this one list.
 */
export const SETTINGS = {
  'anam.endpoint': {
    label: "Adresse du service de l'ANAM (FHIR)",
    schema: z.union([z.literal(''), z.url({ message: 'Adresse web attendue (https://…)' })]),
    default: '',
  },
  'anam.token': { label: "Jeton d'accès ANAM", schema: z.string().max(4096), default: '', secret: true },
  'anam.timeoutMs': {
    label: "Délai d'attente d'un envoi (ms)",
    schema: z.coerce.number().int().min(1000, 'Au moins 1000 ms').max(300000, 'Au plus 300000 ms'),
    default: 30000,
  },
  'anam.publicKey': {
    label: "Clé publique de l'ANAM (Ed25519, base64) pour vérifier les fichiers du registre",
    schema: z.string().trim().max(2048),
    default: '',
  },
  'referral.rule': {
    label: 'Patient venu sans référence (hors urgence) au CSREF ou à l’hôpital',
    schema: z.enum(['allow', 'warn', 'refuse'], { message: 'Valeur attendue : allow, warn ou refuse' }),
    default: 'warn',
  },
  'lock.inactivityMinutes': {
    label: "Verrouillage de l'écran après inactivité (minutes)",
    schema: z.coerce.number().int().min(1, 'Au moins 1 minute').max(240, 'Au plus 240 minutes'),
    default: 10,
  },
  'auth.maxFailedLogins': {
    label: 'Échecs de connexion avant blocage du compte',
    schema: z.coerce.number().int().min(3).max(20),
    default: 5,
  },
  'auth.lockoutMinutes': {
    label: 'Durée du blocage du compte (minutes)',
    schema: z.coerce.number().int().min(1).max(1440),
    default: 15,
  },
  'registry.freshnessDays': {
    label: 'Âge maximal du registre avant alerte (jours)',
    schema: z.coerce.number().int().min(1).max(365),
    default: 45,
  },
  'eligibility.nearExpiryDays': {
    label: 'Alerte de fin de validité proche (jours)',
    schema: z.coerce.number().int().min(0).max(365),
    default: 30,
  },
  'backup.folder': { label: 'Dossier des sauvegardes', schema: z.string().trim().max(1024), default: '' },
  'database.url': {
    label: 'Base PostgreSQL partagée (vide : base locale SQLite)',
    schema: z.union([z.literal(''), z.string().regex(/^postgres(ql)?:\/\//, 'Adresse postgres://… attendue')]),
    default: '',
    secret: true,
  },
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
