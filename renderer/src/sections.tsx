import type { ComponentType } from 'react';
import type { Role } from '../../shared/domain/roles';
import { lazySection } from './lib/lazySection';
import type { SectionProps } from './section-props';
import { ReceptionScreen } from './screens/reception/ReceptionScreen';

export type { SectionProps };

export interface Section {
  key: string;
  label: string;
  roles: readonly Role[];
  component: ComponentType<SectionProps>;
  /** Fetches a section loaded on demand ahead of its first showing; absent for the reception, in the first chunk. */
  preload?: () => Promise<unknown>;
}

// The reception is the desk's first screen after the login: it comes with the login, in the first
// chunk. Every other section is its own chunk, fetched when first shown (or once the shell is idle).
const pharmacie = lazySection(() => import('./screens/pharmacy/PharmacyScreen').then((m) => m.PharmacyScreen));
const claims = lazySection(() => import('./screens/claims/ClaimsScreen').then((m) => m.ClaimsScreen));
const statistics = lazySection(() => import('./screens/statistics/StatisticsScreen').then((m) => m.StatisticsScreen));
const control = lazySection(() => import('./screens/abuse/AbuseScreen').then((m) => m.AbuseScreen));
const admin = lazySection(() => import('./screens/admin/AdminScreen').then((m) => m.AdminScreen));

/** The app's sections, in menu order; each is shown only to the roles that use it. */
export const SECTIONS: readonly Section[] = [
  { key: 'accueil', label: 'Accueil', roles: ['accueil', 'gestionnaire'], component: ReceptionScreen },
  // The manager reads the stock and the shortages; only the pharmacist dispenses and moves stock.
  { key: 'pharmacie', label: 'Pharmacie', roles: ['pharmacie', 'gestionnaire'], ...pharmacie },
  { key: 'reclamations', label: 'Réclamations', roles: ['gestionnaire'], ...claims },
  { key: 'statistiques', label: 'Statistiques', roles: ['gestionnaire'], ...statistics },
  { key: 'controle', label: 'Contrôle des abus', roles: ['gestionnaire'], ...control },
  { key: 'administration', label: 'Administration', roles: ['admin'], ...admin },
];

export const sectionsFor = (roles: readonly Role[]) => SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r)));
