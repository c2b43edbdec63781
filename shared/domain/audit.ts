import { z } from 'zod';
import { isIsoDate } from '../dates';

export const AUDIT_OUTCOMES = ['ok', 'denied', 'failed'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = {
  ok: 'Effectuée',
  denied: 'Refusée (droits)',
  failed: 'Échouée',
};

/** One row of the audit trail as the screen shows it (the summary parsed back from its JSON). */
export interface AuditRow {
  seq: number;
  at: string;
  actorLogin: string;
  method: string;
  entity: string | null;
  entityId: string | null;
  outcome: AuditOutcome;
  summary: Record<string, unknown>;
  hash: string;
  prevHash: string;
}

export interface AuditPage {
  total: number;
  rows: AuditRow[];
}

export const AUDIT_MAX_PAGE_SIZE = 200;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ')
  .refine(isIsoDate, 'Cette date n’existe pas');

/** What an audit search narrows on: shared by the paged list and the CSV export. */
const auditCriteria = {
  /** Who acted: a user's login, or `cli:<compte système>` for the command line. */
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9._:@-]{1,64}$/, 'Identifiant invalide')
    .optional(),
  entity: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'Objet inconnu')
    .optional(),
  entityId: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}._:@-]{1,100}$/u, 'Référence invalide (lettres, chiffres, . _ : @ -)')
    .optional(),
  method: z
    .string()
    .regex(/^[a-z]+\.[a-zA-Z]{1,60}$/, 'Opération inconnue')
    .optional(),
  outcome: z.enum(AUDIT_OUTCOMES, { message: 'Résultat attendu : ok, denied ou failed' }).optional(),
  from: day.optional(),
  to: day.optional(),
};
const periodInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const periodError = { message: 'La date de fin précède la date de début', path: ['to'] };

export const auditFilter = z
  .strictObject({
    page: z.number().int('Numéro de page entier attendu').min(0, 'Numéro de page négatif').max(10_000_000).default(0),
    pageSize: z
      .number()
      .int('Nombre entier attendu')
      .min(1, 'Au moins 1 ligne par page')
      .max(AUDIT_MAX_PAGE_SIZE, `Au plus ${AUDIT_MAX_PAGE_SIZE} lignes par page`)
      .default(50),
    ...auditCriteria,
  })
  .refine(periodInOrder, periodError);
export type AuditFilter = z.output<typeof auditFilter>;

/** The rows an export may hold: beyond, the user narrows the period (the file is built in memory). */
export const AUDIT_EXPORT_MAX_ROWS = 200_000;
export const auditExportFilter = z.strictObject(auditCriteria).refine(periodInOrder, periodError);
export type AuditExportFilter = z.output<typeof auditExportFilter>;

/** French names of the objects the audit speaks of; an unknown entity shows as is. */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  facility: 'Établissement',
  setting: 'Paramètre',
  user: 'Compte',
  session: 'Session',
  demo: 'Démonstration',
};

/** French names of operations; a method without one shows its contract name. */
export const AUDIT_METHOD_LABELS: Record<string, string> = {
  'setup.create': 'Mise en service',
  'setup.demo': 'Base de démonstration',
  'facility.update': "Modification de l'établissement",
  'auth.login': 'Connexion',
  'auth.logout': 'Déconnexion',
  'auth.changePassword': 'Changement de mot de passe',
  'auth.lock': "Verrouillage de l'écran",
  'auth.unlock': "Déverrouillage de l'écran",
  'settings.set': "Modification d'un paramètre",
  'users.create': "Création d'un compte",
  'users.resetPassword': 'Réinitialisation du mot de passe',
  'users.setActive': "Activation ou désactivation d'un compte",
  'users.update': "Modification d'un compte",
  // Queries are audited only when refused.
  'system.info': "Informations sur l'application",
  'auth.session': 'Lecture de la session',
  'auth.activity': "Signal d'activité",
  'jobs.cancel': "Annulation d'une tâche",
  'settings.list': 'Lecture des paramètres',
  'audit.verify': 'Vérification du journal',
  'audit.list': 'Consultation du journal',
  'audit.export': 'Export du journal',
  'users.list': 'Liste des comptes',
};

export const auditMethodLabel = (method: string): string => AUDIT_METHOD_LABELS[method] ?? method;
export const auditEntityLabel = (entity: string | null): string => (entity ? (AUDIT_ENTITY_LABELS[entity] ?? entity) : '—');

const FIELD_LABELS: Record<string, string> = {
  login: 'identifiant',
  fullName: 'nom',
  roles: 'rôles',
  active: 'actif',
  password: 'mot de passe',
  current: 'mot de passe actuel',
  next: 'nouveau mot de passe',
  key: 'paramètre',
  value: 'valeur',
  code: 'code',
  name: 'nom',
  level: 'niveau',
  error: 'motif',
};

function leaves(value: unknown, path: string[], out: Array<[string, string]>): void {
  if (value === '***') out.push([path.join(' › '), '(masqué)']);
  else if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) out.push([path.join(' › '), value.join(', ')]);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) leaves(v, [...path, FIELD_LABELS[key] ?? key], out);
  } else if (typeof value === 'boolean') out.push([path.join(' › '), value ? 'oui' : 'non']);
  else if (value !== undefined && value !== null) out.push([path.join(' › '), String(value)]);
}

/**
 * The summary of an audit row in one French line: "identifiant : awa · rôles : accueil".
 * The call's input and the service's detail are merged; masked secrets say so.
 */
export function describeAuditSummary(summary: Record<string, unknown>, maxValue = 80): string {
  const { input, detail, ...rest } = summary;
  const pairs: Array<[string, string]> = [];
  // What the service recorded (a setting's new value) replaces the same field of the input.
  leaves({ ...(input as object), ...(detail as object), ...rest }, [], pairs);
  return pairs
    .map(([key, value]) => {
      const shown = value.length > maxValue ? `${value.slice(0, maxValue - 1)}…` : value;
      return key ? `${key} : ${shown}` : shown;
    })
    .join(' · ');
}
