import type { MethodName } from '../api/index';
import { formatAmount } from '../lib/money';
import { ROLE_LABELS, type Role } from './roles';

/** The row the audit chain writes when its key changes (not a contract method). */
export const AUDIT_ANCHOR_METHOD = 'audit.anchor';

/**
 * French names of every contract method. Typed by the contract's method names: a method added
 * to `shared/api` without its label here does not compile (and `audit-labels.test.ts` says which).
 */
export const AUDIT_METHOD_LABELS: Record<MethodName | typeof AUDIT_ANCHOR_METHOD, string> = {
  'system.info': "Informations sur l'application",
  'setup.create': 'Mise en service',
  'setup.demo': 'Base de démonstration',
  'jobs.cancel': "Annulation d'une tâche",
  'facility.update': "Modification de l'établissement",
  'facility.onboarding': 'Liste de mise en route',
  'auth.login': 'Connexion',
  'auth.session': 'Lecture de la session',
  'auth.logout': 'Déconnexion',
  'auth.changePassword': 'Changement de mot de passe',
  'auth.lock': "Verrouillage de l'écran",
  'auth.unlock': "Déverrouillage de l'écran",
  'auth.activity': "Signal d'activité",
  'settings.list': 'Lecture des paramètres',
  'settings.set': "Modification d'un paramètre",
  'settings.update': 'Modification des paramètres',
  'audit.verify': 'Vérification du journal',
  'audit.list': 'Consultation du journal',
  'audit.export': 'Export du journal',
  'audit.anchor': 'Changement de clé du journal',
  'backup.overview': 'Consultation des sauvegardes',
  'backup.create': 'Sauvegarde de la base',
  'backup.verify': "Vérification d'une sauvegarde",
  'backup.restore': "Restauration d'une sauvegarde",
  'tariffs.import': 'Import des tarifs',
  'tariffs.list': 'Consultation des tarifs',
  'medicines.import': 'Import des médicaments',
  'medicines.list': 'Consultation des médicaments',
  'controls.import': 'Import des règles de contrôle',
  'controls.list': 'Consultation des règles de contrôle',
  'episodes.get': "Consultation d'un épisode",
  'episodes.list': 'Liste des épisodes',
  'episodes.export': 'Export des épisodes',
  'episodes.addLine': "Ajout d'un acte",
  'episodes.cancelLine': "Annulation d'un acte",
  'episodes.setDiagnosis': 'Saisie du diagnostic',
  'episodes.close': "Clôture d'un épisode",
  'episodes.reopen': "Réouverture d'un épisode",
  'claims.list': 'Liste des réclamations',
  'claims.get': "Consultation d'une réclamation",
  'claims.build': "Construction d'une réclamation",
  'claims.exclude': "Exclusion d'une ligne de réclamation",
  'claims.cancelExclusion': "Annulation d'une exclusion",
  'claims.sign': "Signature d'une réclamation",
  'claims.export': "Export d'une réclamation",
  'claims.followUp': 'Suivi des réclamations',
  'claims.importResponse': "Import d'une réponse de l'ANAM",
  'claims.previewResubmission': "Aperçu d'une nouvelle soumission",
  'claims.resubmit': "Nouvelle soumission d'une réclamation",
  'pharmacy.findEpisodes': 'Recherche des épisodes (pharmacie)',
  'pharmacy.episode': "Consultation d'un épisode (pharmacie)",
  'pharmacy.stockItems': 'Consultation du stock',
  'pharmacy.dispense': 'Délivrance de médicaments',
  'pharmacy.cancel': "Annulation d'une délivrance",
  'pharmacy.batches': 'Consultation des lots',
  'pharmacy.movements': 'Consultation des mouvements de stock',
  'pharmacy.receive': "Réception d'un lot",
  'pharmacy.count': "Inventaire d'un lot",
  'pharmacy.adjust': "Ajustement d'un lot",
  'pharmacy.setThreshold': "Seuil d'alerte d'un médicament",
  'pharmacy.alerts': 'Alertes de stock',
  'pharmacy.unmetReport': 'Rapport des demandes non servies',
  'pharmacy.stockReport': 'État du stock',
  'registry.check': "Contrôle d'un droit",
  'registry.search': 'Recherche dans le registre',
  'registry.byNina': 'Recherche par NINA',
  'registry.household': 'Consultation d’un ménage',
  'registry.history': "Historique d'une personne",
  'registry.import': 'Import du registre',
  'registry.imports': 'Historique des imports du registre',
  'registry.rejections': 'Lignes rejetées du registre',
  'users.list': 'Liste des comptes',
  'users.create': "Création d'un compte",
  'users.resetPassword': 'Réinitialisation du mot de passe',
  'users.setActive': "Activation ou désactivation d'un compte",
  'users.update': "Modification d'un compte",
  'outbox.status': "État de la file d'envoi",
  'outbox.send': "Envoi des réclamations à l'ANAM",
  'outbox.summary': "Résumé de la file d'envoi",
  'outbox.export': 'Export des réclamations sur clé USB',
  'outbox.retry': "Nouvel essai d'envoi",
  'outbox.retryAll': 'Nouvel essai de tous les envois abandonnés',
  'reception.check': "Contrôle à l'accueil",
  'reception.admit': "Admission d'un patient",
  'reception.slip': "Fiche d'admission",
  'reception.day': 'Journée de l’accueil',
  'statistics.month': 'Statistiques du mois',
  'statistics.year': "Statistiques de l'année",
  'statistics.monthlyReport': 'Rapport mensuel',
  'statistics.snisPreview': 'Aperçu des chiffres DHIS2',
  'statistics.snisSend': 'Envoi des chiffres DHIS2',
  'statistics.snisSends': 'Historique des envois DHIS2',
  'payments.list': 'Liste des paiements',
  'payments.add': "Enregistrement d'un paiement",
  'payments.allocate': "Répartition d'un paiement",
  'payments.cancel': "Annulation d'un paiement",
  'anam.pull': "Mise à jour depuis l'ANAM",
  'anam.pulls': "Historique des mises à jour depuis l'ANAM",
  'programmes.import': 'Import des programmes de gratuité',
  'abuse.month': 'Contrôle des abus du mois',
  'registration.request': "Demande d'immatriculation",
  'registration.list': "Liste des demandes d'immatriculation",
  'registration.export': "Export des demandes d'immatriculation",
  'reference.imports': 'Historique des imports de listes',
  'programmes.list': 'Liste des programmes de gratuité',
  'programmes.month': 'Programmes de gratuité du mois',
  'programmes.statement': "Relevé d'un programme de gratuité",
};

/** French names of the objects the audit speaks of (`entity` of the contract's commands). */
export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  audit: 'Journal',
  facility: 'Établissement',
  setting: 'Paramètre',
  user: 'Compte',
  session: 'Session',
  demo: 'Démonstration',
  backup: 'Sauvegarde',
  tariff: 'Tarifs',
  medicine: 'Médicaments',
  plausibility_rule: 'Règles de contrôle',
  episode: 'Épisode',
  claim: 'Réclamation',
  claim_response: "Réponse de l'ANAM",
  dispensation: 'Délivrance',
  stock_batch: 'Lot',
  stock_threshold: "Seuil d'alerte",
  registry_import: 'Import du registre',
  outbox: "File d'envoi",
  reception_check: 'Contrôle à l’accueil',
  dhis2: 'Envoi DHIS2',
  payment: 'Paiement',
  anam_pull: "Mise à jour depuis l'ANAM",
  programme: 'Programmes de gratuité',
  registration_request: "Demande d'immatriculation",
};

const methodLabels: Record<string, string> = AUDIT_METHOD_LABELS;
/** A method unknown to this version (a row written by a newer one) shows as it was recorded. */
export const auditMethodLabel = (method: string): string => methodLabels[method] ?? method;
export const auditEntityLabel = (entity: string | null): string => (entity ? (AUDIT_ENTITY_LABELS[entity] ?? entity) : '—');

/** What a row is about, as a reader says it: « Réclamation 11/2026 v1 », « Compte awa ». */
export function auditObject(entity: string | null, entityId: string | null): string {
  const id = entityId?.replace(/^(\d{4})-(\d{2})(?= |$)/, '$2/$1');
  return [auditEntityLabel(entity), id].filter(Boolean).join(' ');
}

/** French names of the fields a call's input and its service's detail hold. */
export const AUDIT_FIELD_LABELS: Record<string, string> = {
  acceptGap: 'trou accepté',
  acceptOtherKey: 'autre clé acceptée',
  active: 'actif',
  admin: 'administrateur',
  allocations: 'répartition',
  amount: 'montant',
  applied: 'appliquées',
  asidePath: 'ancienne base gardée dans',
  attemptsBefore: 'essais précédents',
  backupSchema: 'version de la sauvegarde',
  batchId: 'lot',
  birthDate: 'date de naissance',
  birthYear: 'année de naissance',
  cancellationId: 'annulation n°',
  cercle: 'cercle',
  changed: 'modifié',
  claim: 'réclamation',
  closed: 'clôturées',
  code: 'code',
  commune: 'commune',
  confirmMismatch: 'écart confirmé',
  confirmSameDay: 'deuxième venue du jour confirmée',
  conflicts: 'conflits',
  counted: 'compté',
  createdAt: 'créée le',
  current: 'mot de passe actuel',
  diagnosis: 'diagnostic',
  dryRun: 'essai à blanc',
  earlyReason: 'motif (avant la fin du mois)',
  emergency: 'urgence',
  endedOn: 'fin le',
  episodeId: 'épisode',
  episodes: 'épisodes',
  error: 'motif',
  errors: 'erreurs',
  exclusionId: 'exclusion n°',
  expiry: 'péremption',
  facility: 'établissement',
  familyName: 'nom',
  fefoOverride: 'lot choisi hors ordre de péremption',
  fileName: 'fichier',
  files: 'fichiers',
  folder: 'dossier',
  force: 'forcé',
  from: 'avant',
  fullName: 'nom',
  givenNames: 'prénoms',
  httpStatus: 'réponse HTTP',
  icd10: 'CIM-10',
  id: 'n°',
  identityDocument: "pièce d'identité",
  identityMatches: 'identité conforme',
  identityMismatchReason: "motif de l'écart d'identité",
  identityNumber: 'numéro de la pièce',
  inserted: 'ajoutées',
  key: 'paramètre',
  kind: 'type',
  level: 'niveau',
  lineId: 'ligne',
  lineKey: 'ligne',
  lines: 'lignes',
  list: 'liste',
  lists: 'listes',
  login: 'identifiant',
  lot: 'lot',
  manifest: 'manifeste',
  manifestSha256: 'empreinte du manifeste',
  medicineCode: 'médicament',
  messageId: 'message n°',
  mode: 'mode',
  month: 'mois',
  name: 'nom',
  next: 'nouveau mot de passe',
  note: 'note',
  offListReason: 'justification hors liste essentielle',
  out: 'fichier de sortie',
  outcome: 'issue',
  overrideReason: 'motif du choix du lot',
  paidOn: 'payé le',
  password: 'mot de passe',
  path: 'emplacement',
  paymentId: 'paiement n°',
  performedOn: 'réalisé le',
  phone: 'téléphone',
  prescriber: 'prescripteur',
  pruned: 'anciennes sauvegardes retirées',
  quantity: 'quantité',
  reason: 'motif',
  receivedOn: 'reçu le',
  recepisse: 'récépissé',
  reference: 'référence',
  referralFrom: 'référé par',
  referralRef: 'référence de la fiche',
  region: 'région',
  registrationRequestId: "demande d'immatriculation n°",
  rejected: 'rejetées',
  responses: 'réponses',
  resubmits: 'remplace la version',
  resumed: 'reprise',
  roles: 'rôles',
  schemaVersion: 'version de la base',
  serveAvailable: 'servir ce qui reste',
  sex: 'sexe',
  sha256: 'empreinte',
  signature: 'signature',
  size: 'taille (octets)',
  source: 'source',
  status: 'état',
  strict: 'strict',
  struckOff: 'radiées',
  supplier: 'fournisseur',
  threshold: 'seuil',
  to: 'après',
  total: 'total',
  type: 'type de venue',
  unchanged: 'inchangées',
  unitCost: 'coût unitaire',
  unmet: 'non servi',
  unregisteredReason: 'motif de l’admission hors registre',
  untilEmpty: "jusqu'à vider la file",
  updated: 'modifiées',
  value: 'valeur',
  values: 'valeurs',
  valuesSent: 'valeurs envoyées',
  version: 'version',
};

/** Technical fields the audit keeps but a reader has no use for (a job's id, an opaque file reference). */
const HIDDEN_FIELDS = new Set(['jobId', 'file']);
const AMOUNT_FIELDS = new Set(['amount', 'total', 'unitCost']);

const pad = (n: string) => n.padStart(2, '0');
/** A value as a French reader expects it: 15/11/2026 14:05, 15/11/2026, 11/2026, 12 500 FCFA. */
function frenchValue(field: string | undefined, value: string | number): string {
  if (typeof value === 'number') return field && AMOUNT_FIELDS.has(field) ? formatAmount(value) : String(value);
  const stamp = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (stamp) return `${stamp[3]}/${stamp[2]}/${stamp[1]} ${stamp[4]}:${stamp[5]}`;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const month = /^(\d{4})-(\d{1,2})$/.exec(value);
  if (month && field === 'month') return `${pad(month[2] ?? '')}/${month[1]}`;
  if (field === 'roles' && value in ROLE_LABELS) return ROLE_LABELS[value as Role];
  return value;
}

function leaves(value: unknown, field: string | undefined, path: string[], out: Array<[string, string]>): void {
  if (value === '***') out.push([path.join(' › '), '(masqué)']);
  else if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))
    out.push([path.join(' › '), value.map((v) => (v === null ? '—' : frenchValue(field, v as string | number))).join(', ')]);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (HIDDEN_FIELDS.has(key)) continue;
      leaves(v, key, [...path, AUDIT_FIELD_LABELS[key] ?? key], out);
    }
  } else if (typeof value === 'boolean') out.push([path.join(' › '), value ? 'oui' : 'non']);
  else if (typeof value === 'string' || typeof value === 'number') out.push([path.join(' › '), frenchValue(field, value)]);
}

/**
 * The summary of an audit row in one French line: "identifiant : awa · rôles : Accueil".
 * The call's input and the service's detail are merged; masked secrets say so.
 */
export function describeAuditSummary(summary: Record<string, unknown>, maxValue = 80): string {
  const { input, detail, ...rest } = summary;
  const pairs: Array<[string, string]> = [];
  // What the service recorded (a setting's new value) replaces the same field of the input.
  leaves({ ...(input as object), ...(detail as object), ...rest }, undefined, [], pairs);
  return pairs
    .map(([key, value]) => {
      const shown = value.length > maxValue ? `${value.slice(0, maxValue - 1)}…` : value;
      return key ? `${key} : ${shown}` : shown;
    })
    .join(' · ');
}
