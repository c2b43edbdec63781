import { CLAIM_CHECKS } from './claims';
import { SETTING_KEYS, SETTINGS, type SettingKey } from './settings';

export interface SettingSection {
  title: string;
  /** One plain sentence on what the section is for. */
  description: string;
  keys: SettingKey[];
}

/** The settings screen's sections, by key prefix; a key no section claims goes to « Autres paramètres ». */
const SECTIONS: ReadonlyArray<Omit<SettingSection, 'keys'> & { prefixes: string[] }> = [
  {
    title: 'Accueil et références',
    description:
      'Ce que le guichet fait d’un patient venu sans référence, quand il prévient d’une fin de droits proche, et le délai de régularisation d’une urgence hors registre.',
    prefixes: ['referral.', 'eligibility.', 'reception.'],
  },
  {
    title: 'Registre des bénéficiaires',
    description: 'Quand le registre de l’ANAM tenu sur ce poste est jugé trop ancien.',
    prefixes: ['registry.'],
  },
  {
    title: 'ANAM',
    description:
      'Le service de l’ANAM qui reçoit les réclamations, la clé qui authentifie ses fichiers, et le sort d’une liste non signée.',
    prefixes: ['anam.', 'reference.'],
  },
  {
    title: 'DHIS2 (SNIS)',
    description: 'Le serveur DHIS2 du district qui reçoit les chiffres mensuels du RAMED, et la correspondance des indicateurs.',
    prefixes: ['dhis2.'],
  },
  {
    title: 'Sécurité des comptes',
    description: 'Verrouillage de l’écran et blocage d’un compte après des mots de passe erronés.',
    prefixes: ['lock.', 'auth.'],
  },
  {
    title: 'Sauvegardes',
    description: 'Où et quand la base est sauvegardée (de préférence sur une clé USB gardée hors du bâtiment).',
    prefixes: ['backup.'],
  },
  {
    title: 'Pharmacie',
    description: 'Ce que la pharmacie fait d’un médicament hors liste nationale des médicaments essentiels prescrit à un patient RAMED.',
    prefixes: ['pharmacy.'],
  },
  {
    title: 'Réclamations mensuelles',
    description: 'Les contrôles qui empêchent de signer la réclamation, et ceux qui ne font qu’avertir.',
    prefixes: ['claims.'],
  },
];

export function settingSections(): SettingSection[] {
  const claimed = new Set<SettingKey>();
  const sections = SECTIONS.map(({ prefixes, ...section }) => {
    const keys = SETTING_KEYS.filter((key) => prefixes.some((p) => key.startsWith(p)));
    keys.forEach((key) => claimed.add(key));
    return { ...section, keys };
  });
  const others = SETTING_KEYS.filter((key) => !claimed.has(key));
  if (others.length > 0) sections.push({ title: 'Autres paramètres', description: '', keys: others });
  return sections.filter((s) => s.keys.length > 0);
}

/** French names of the values of settings chosen from a list. */
export const SETTING_CHOICES: Partial<Record<SettingKey, Record<string, string>>> = {
  'anam.submitMode': {
    bundle: 'Transaction FHIR (POST Bundle)',
    claim: 'Réclamation seule (POST Claim, openIMIS)',
  },
  'referral.rule': {
    allow: 'Accepter sans rien signaler',
    warn: 'Accepter, avec un avertissement',
    refuse: 'Refuser (sauf urgence)',
  },
  'pharmacy.offListMedicines': {
    refuser: 'Refuser la dispensation',
    justifier: 'Dispenser avec une justification enregistrée',
  },
  'episodes.icd10AtClosing': {
    facultatif: 'Facultatif',
    obligatoire: 'Obligatoire (la réclamation le transmet à l’ANAM)',
  },
  ...Object.fromEntries(
    CLAIM_CHECKS.map((code) => [`claims.check.${code}`, { bloquant: 'Bloque la signature', avertissement: 'Avertit seulement' }]),
  ),
};

export type SettingInput = 'choice' | 'number' | 'secret' | 'text' | 'json';

/** Settings holding a JSON document: typed in a multi-line box. */
const JSON_SETTINGS: ReadonlySet<SettingKey> = new Set(['dhis2.mapping']);

export function settingInput(key: SettingKey): SettingInput {
  const def = SETTINGS[key];
  if (JSON_SETTINGS.has(key)) return 'json';
  if ('secret' in def && def.secret) return 'secret';
  if (SETTING_CHOICES[key]) return 'choice';
  return typeof def.default === 'number' ? 'number' : 'text';
}
