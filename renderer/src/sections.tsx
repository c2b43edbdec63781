import type { ComponentType } from 'react';
import type { AppInfo } from '../../shared/api/system';
import type { SessionInfo } from '../../shared/domain/users';
import type { Role } from '../../shared/roles';
import { AccueilScreen } from './screens/accueil/AccueilScreen';
import { AdminScreen } from './screens/admin/AdminScreen';
import { ClaimsScreen } from './screens/claims/ClaimsScreen';
import { ControlScreen } from './screens/controle/ControlScreen';
import { PharmacieScreen } from './screens/pharmacie/PharmacieScreen';
import { StatisticsScreen } from './screens/statistiques/StatisticsScreen';

export interface SectionProps {
  info: AppInfo;
  session: SessionInfo;
  /** Reloads the facility and session (after the facility is edited). */
  refresh: () => void;
}

export interface Section {
  key: string;
  label: string;
  roles: readonly Role[];
  component: ComponentType<SectionProps>;
}

/** The app's sections, in menu order; each is shown only to the roles that use it. */
export const SECTIONS: readonly Section[] = [
  { key: 'accueil', label: 'Accueil', roles: ['accueil', 'gestionnaire'], component: AccueilScreen },
  // The manager reads the stock and the shortages; only the pharmacist dispenses and moves stock.
  { key: 'pharmacie', label: 'Pharmacie', roles: ['pharmacie', 'gestionnaire'], component: PharmacieScreen },
  { key: 'reclamations', label: 'Réclamations', roles: ['gestionnaire'], component: ClaimsScreen },
  { key: 'statistiques', label: 'Statistiques', roles: ['gestionnaire'], component: StatisticsScreen },
  { key: 'controle', label: 'Contrôle des abus', roles: ['gestionnaire'], component: ControlScreen },
  { key: 'administration', label: 'Administration', roles: ['admin'], component: AdminScreen },
];

export const sectionsFor = (roles: readonly Role[]) => SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r)));
