/** What a new facility still has to set up before the desk can work, item by item. */
export const ONBOARDING_ITEMS = ['registry', 'tariffs', 'medicines', 'users', 'backup', 'anam'] as const;
export type OnboardingKey = (typeof ONBOARDING_ITEMS)[number];

export const ONBOARDING_LABELS: Record<OnboardingKey, string> = {
  registry: 'Registre des bénéficiaires importé',
  tariffs: 'Liste des tarifs importée',
  medicines: 'Liste des médicaments importée',
  users: 'Comptes de l’accueil, de la pharmacie et du gestionnaire créés',
  backup: 'Dossier des sauvegardes choisi et présent',
  anam: 'Adresse du service de l’ANAM renseignée',
};

/** Where each item is done, as the administration's tab key. */
export const ONBOARDING_TABS: Record<OnboardingKey, string> = {
  registry: 'registre',
  tariffs: 'tarifs',
  medicines: 'tarifs',
  users: 'utilisateurs',
  backup: 'parametres',
  anam: 'parametres',
};

export interface OnboardingItem {
  key: OnboardingKey;
  done: boolean;
  /** The item's state in plain words (counts, dates, the folder). */
  detail: string;
  /** Something done, but wrongly for a real facility: an example file marked « illustratif ». */
  warning: string | null;
}

export interface Onboarding {
  /** The demonstration facility: example data is expected there and not warned about. */
  demo: boolean;
  items: OnboardingItem[];
}
