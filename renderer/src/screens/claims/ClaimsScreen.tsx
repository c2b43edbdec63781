import { useState } from 'react';
import { Tabs, type Tab } from '../../components/Tabs';
import type { SectionProps } from '../../section-props';
import { ClaimDetail } from './ClaimDetail';
import { ClaimList } from './ClaimList';
import { OutboxTab } from './OutboxTab';
import { PaymentsTab } from './PaymentsTab';
import { ProgrammesTab } from './ProgrammesTab';

/**
 * The manager's monthly claims: the list by month and one claim version at a time. The list stays
 * mounted (hidden) while a claim is open, so its filter and page survive the round trip.
 */
function MonthlyClaims() {
  const [open, setOpen] = useState<{ month: string; version?: number } | null>(null);
  const [reloads, setReloads] = useState(0);
  return (
    <>
      <div hidden={open !== null}>
        <ClaimList onOpen={(month, version) => setOpen({ month, version })} reloadKey={reloads} />
      </div>
      {open !== null ? (
        <ClaimDetail
          key={`${open.month}-${open.version ?? ''}`}
          month={open.month}
          version={open.version}
          onOpen={(version) => setOpen({ month: open.month, version })}
          onBack={() => {
            setOpen(null);
            setReloads((n) => n + 1);
          }}
        />
      ) : null}
    </>
  );
}

/** Réclamations: the claims, the free-care programmes' statements, the ANAM's payments, and the upload queue (network or USB key). */
const CLAIMS_TABS: readonly Tab<SectionProps>[] = [
  { key: 'reclamations', label: 'Réclamations', component: MonthlyClaims },
  { key: 'programmes', label: 'Programmes', component: ProgrammesTab },
  { key: 'paiements', label: 'Paiements', component: PaymentsTab },
  { key: 'envois', label: 'Envois à l’ANAM', component: OutboxTab },
];

export function ClaimsScreen(props: SectionProps) {
  return <Tabs tabs={CLAIMS_TABS} props={props} label="Réclamations" />;
}
