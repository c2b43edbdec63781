import { AgentSection, IdentitySection, PatientSections, PrestationSection } from './sections/ActivitySections';
import { ClaimSection, RefusalSections } from './sections/ClaimSections';
import { MedicineSection, StockSection } from './sections/PharmacySections';
import type { SectionsProps } from './sections/section-kit';

/** Every figure of the report, in the dashboard's order: a chart for the eye, its table for the numbers and the CSV. */
export function StatisticsSections(props: SectionsProps) {
  return (
    <>
      <PatientSections {...props} />
      <PrestationSection {...props} />
      <MedicineSection {...props} />
      <ClaimSection {...props} />
      <RefusalSections {...props} />
      <StockSection {...props} />
      <IdentitySection {...props} />
      <AgentSection {...props} />
    </>
  );
}
