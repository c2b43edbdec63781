import { Tabs, type Tab } from '../../components/Tabs';
import type { SectionProps } from '../../section-props';
import { BackupsTab } from './BackupsTab';
import { AuditTab } from './audit/AuditTab';
import { FacilityTab } from './FacilityTab';
import { ReferenceTab } from './ReferenceTab';
import { RegistryTab } from './RegistryTab';
import { SettingsTab } from './SettingsTab';
import { UsersTab } from './users/UsersTab';

/** Administration's sub-screens; each feature adds its tab here. */
const ADMIN_TABS: readonly Tab<SectionProps>[] = [
  { key: 'etablissement', label: 'Établissement', component: FacilityTab },
  { key: 'parametres', label: 'Paramètres', component: SettingsTab },
  { key: 'sauvegardes', label: 'Sauvegardes', component: BackupsTab },
  { key: 'tarifs', label: 'Tarifs et médicaments', component: ReferenceTab },
  { key: 'registre', label: 'Registre', component: RegistryTab },
  { key: 'utilisateurs', label: 'Utilisateurs', component: UsersTab },
  { key: 'audit', label: "Journal d'audit", component: AuditTab },
];

export function AdminScreen(props: SectionProps) {
  return <Tabs tabs={ADMIN_TABS} props={props} label="Administration" />;
}
