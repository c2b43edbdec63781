import { useEffect, useState } from 'react';
import type { Rejection } from '../../../../shared/domain/registry-import';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { ramed } from '../../lib/bridge';
import { useCall } from '../../lib/useCall';

const PAGE = 50;

const COLUMNS: DataColumn<Rejection>[] = [
  { key: 'line', header: 'Ligne', value: (r) => r.line, kind: 'number', width: '7rem' },
  { key: 'reason', header: 'Motif du rejet', value: (r) => r.reason },
];

/** The rejected lines of one import, paged by the back end (a dirty national file may have many). */
export function RejectionReport({ importId }: { importId: number }) {
  const [page, setPage] = useState({ index: 0, total: 0, rows: [] as Rejection[] });
  const load = useCall(ramed.registry.rejections);
  const fetchPage = load.run;

  useEffect(() => {
    void fetchPage({ importId, offset: 0, limit: PAGE }).then((v) => v && setPage({ index: 0, total: v.total, rows: v.rows }));
  }, [importId, fetchPage]);

  async function goTo(index: number) {
    const v = await fetchPage({ importId, offset: index * PAGE, limit: PAGE });
    if (v) setPage({ index, total: v.total, rows: v.rows });
  }

  return (
    <>
      <ErrorBanner error={load.error} />
      <DataTable
        label={`Lignes rejetées de l’import n° ${importId}`}
        rows={page.rows}
        columns={COLUMNS}
        rowKey={(r) => `${r.line}-${r.reason}`}
        csvName={`import-${importId}-lignes-rejetees.csv`}
        server={{ total: page.total, pageIndex: page.index, pageSize: PAGE, onPageChange: (i) => void goTo(i) }}
        empty="Aucune ligne rejetée."
      />
    </>
  );
}
