import { useState } from 'react';
import type { ImportSummary } from '../../../../shared/domain/registry-import';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useQuery } from '../../lib/useQuery';
import { AnamPullCard } from './AnamPullCard';
import { RegistryImportConfirmation } from './RegistryImportConfirmation';
import { RegistryImportForm } from './RegistryImportForm';
import { RegistryImportHistory } from './RegistryImportHistory';
import { RegistryImportResult } from './RegistryImportResult';
import { RegistryStatus } from './RegistryStatus';
import { RejectionReport } from './RejectionReport';
import { useRegistryImport } from './useRegistryImport';

const NONE: ImportSummary[] = [];

/** Administration › Registre: import the ANAM file (progress, cancel, rejected lines) and its history. */
export function RegistryTab() {
  const overview = useQuery('registry.imports', {});
  const [selected, setSelected] = useState<ImportSummary | null>(null);
  const registryImport = useRegistryImport({ onStart: () => setSelected(null), onFinished: overview.reload });
  const { jobId, asked, result } = registryImport;

  return (
    <div className="stack">
      <section className="card">
        <h2>Registre de l’ANAM</h2>
        <ErrorBanner error={overview.error} />
        <RegistryStatus overview={overview.data} />
        <RegistryImportForm
          choice={registryImport.choice}
          onChoice={registryImport.setChoice}
          fileError={registryImport.fileError}
          jobId={jobId}
          onImport={registryImport.submit}
        />
        <ErrorBanner error={registryImport.error} />
        {asked && !jobId ? <RegistryImportConfirmation asked={asked} onConfirm={registryImport.confirm} /> : null}
        {result ? <RegistryImportResult result={result} /> : null}
        {result && result.rejectedCount > 0 ? <RejectionReport importId={result.importId} /> : null}
      </section>

      <AnamPullCard onPulled={overview.reload} />

      <RegistryImportHistory imports={overview.data?.imports ?? NONE} selected={selected} onSelect={setSelected} />
    </div>
  );
}
