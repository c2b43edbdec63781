import { Tabs, type Tab } from '../../components/Tabs';
import type { SectionProps } from '../../sections';
import { FacilityTab } from './FacilityTab';
import { SettingsTab } from './SettingsTab';

/** Administration's sub-screens; each feature adds its tab here. */
const ADMIN_TABS: readonly Tab<SectionProps>[] = [
  { key: 'etablissement', label: 'Établissement', component: FacilityTab },
  { key: 'parametres', label: 'Paramètres', component: SettingsTab },
];

export function AdminScreen(props: SectionProps) {
  return <Tabs tabs={ADMIN_TABS} props={props} label="Administration" />;
}
