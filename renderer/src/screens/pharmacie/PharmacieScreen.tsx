import { Tabs, type Tab } from '../../components/Tabs';
import type { SectionProps } from '../../sections';
import { DispensingTab } from './DispensingTab';
import { StockTab } from './StockTab';
import { UnmetReportTab } from './UnmetReportTab';

const PHARMACY_TABS: readonly Tab<SectionProps>[] = [
  { key: 'dispensation', label: 'Dispensation', component: DispensingTab },
  { key: 'stock', label: 'Stock', component: StockTab },
  { key: 'ruptures', label: 'Ruptures et demande non satisfaite', component: UnmetReportTab },
];

export function PharmacieScreen(props: SectionProps) {
  return <Tabs tabs={PHARMACY_TABS} props={props} label="Pharmacie" />;
}
