import { useState } from 'react';
import type { Rejection } from '../../../../shared/domain/registry-import';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useQuery } from '../../lib/useQuery';

const PAGE = 50;
const NONE: Rejection[] = [];

const COLUMNS: DataColumn<Rejection>[] = [
  { key: 'line', header: 'Ligne', value: (r) => r.line, kind: 'number', width: '7rem' },
  { key: 'reason', header: 'Motif du rejet', value: (r) => r.reason },
];

/** The rejected lines of one import, paged by the back end (a dirty national file may have many). */
export function RejectionReport({ importId }: { importId: number }) {
  // The page chosen belongs to its import: another import opens on its first page.
  const [chosen, setChosen] = useState({ importId, index: 0 });
  const index = chosen.importId === importId ? chosen.index : 0;
  // The lines shown stay until the next page has come.
  const page = useQuery('registry.rejections', { importId, offset: index * PAGE, limit: PAGE }, { keepPrevious: true });

  return (
    <>
      <ErrorBanner error={page.error} />
      <DataTable
        label={`Lignes rejetées de l’import n° ${importId}`}
        rows={page.data?.rows ?? NONE}
        columns={COLUMNS}
        rowKey={(r) => `${r.line}-${r.reason}`}
        csvName={`import-${importId}-lignes-rejetees.csv`}
        server={{ total: page.data?.total ?? 0, pageIndex: index, pageSize: PAGE, onPageChange: (i) => setChosen({ importId, index: i }) }}
        empty="Aucune ligne rejetée."
      />
    </>
  );
}
