export const ROLES = ['accueil', 'pharmacie', 'gestionnaire', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  accueil: 'Accueil',
  pharmacie: 'Pharmacie',
  gestionnaire: 'Gestionnaire',
  admin: 'Administrateur',
};
