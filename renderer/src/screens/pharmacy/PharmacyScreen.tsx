import { Tabs, type Tab } from '../../components/Tabs';
import type { SectionProps } from '../../section-props';
import { DispensingTab } from './DispensingTab';
import { StockTab } from './StockTab';
import { UnmetReportTab } from './UnmetReportTab';

const DISPENSING: Tab<SectionProps> = { key: 'dispensation', label: 'Dispensation', component: DispensingTab };
const READING: readonly Tab<SectionProps>[] = [
  { key: 'stock', label: 'Stock', component: StockTab },
  { key: 'ruptures', label: 'Ruptures et demande non satisfaite', component: UnmetReportTab },
];

/** The pharmacist's three tabs; the manager reads the stock and the shortages only. */
export function PharmacyScreen(props: SectionProps) {
  const tabs = props.session.roles.includes('pharmacie') ? [DISPENSING, ...READING] : READING;
  return <Tabs tabs={tabs} props={props} label="Pharmacie" />;
}
