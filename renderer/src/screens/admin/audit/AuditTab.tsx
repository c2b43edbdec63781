import { useState } from 'react';
import { AUDIT_OUTCOME_LABELS, type AuditPage, type AuditRow } from '../../../../../shared/domain/audit';
import { auditMethodLabel, auditObject, describeAuditSummary } from '../../../../../shared/domain/audit-labels';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { bannerError } from '../../../lib/errors';
import { downloadFile } from '../../../lib/files';
import { useCommand } from '../../../lib/useCommand';
import { useQuery } from '../../../lib/useQuery';
import { AuditDetailDialog } from './AuditDetailDialog';
import { AuditFilters, EMPTY_FILTER, toAuditFilter, type AuditFilterForm } from './AuditFilters';
import { AuditIntegrity } from './AuditIntegrity';

const PAGE_SIZE = 25;
const TONE = { ok: 'ok', denied: 'bad', failed: 'warn' } as const;

const COLUMNS: DataColumn<AuditRow>[] = [
  { key: 'seq', header: 'N°', value: (r) => r.seq, kind: 'number', width: '4rem' },
  {
    key: 'at',
    header: 'Date et heure',
    value: (r) => r.at,
    kind: 'datetime',
    width: '9.5rem',
  },
  {
    key: 'actor',
    header: 'Utilisateur',
    value: (r) => r.actorLogin,
    render: (r) => <span className="mono small">{r.actorLogin}</span>,
    width: '7.5rem',
  },
  { key: 'method', header: 'Opération', value: (r) => auditMethodLabel(r.method), width: '16.5rem' },
  { key: 'entity', header: 'Objet', value: (r) => auditObject(r.entity, r.entityId), width: '11rem' },
  {
    key: 'outcome',
    header: 'Résultat',
    value: (r) => AUDIT_OUTCOME_LABELS[r.outcome],
    render: (r) => <span className={`badge badge-${TONE[r.outcome]}`}>{AUDIT_OUTCOME_LABELS[r.outcome]}</span>,
    width: '9rem',
  },
  {
    key: 'summary',
    header: 'Détail',
    value: (r) => describeAuditSummary(r.summary),
    render: (r) => <span className="small">{describeAuditSummary(r.summary)}</span>,
  },
];

const NO_PAGE: AuditPage = { total: 0, rows: [] };

/** Administration › Journal d'audit: every state-changing call, filtered and paged by the server. */
export function AuditTab() {
  const [filter, setFilter] = useState<AuditFilterForm>(EMPTY_FILTER);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<AuditRow | null>(null);
  // The page shown stays until the next one (another page, another filter) answers.
  const list = useQuery('audit.list', { ...toAuditFilter(filter), page, pageSize: PAGE_SIZE }, { keepPrevious: true });
  const exporter = useCommand('audit.export');
  const result = list.data ?? NO_PAGE;

  async function exportFiltered() {
    const file = await exporter.run(toAuditFilter(filter));
    if (file) downloadFile(file);
  }

  return (
    <div className="stack">
      <section className="card">
        <h2>Journal d'audit</h2>
        <AuditIntegrity />
      </section>
      <section className="card">
        <AuditFilters
          applied={filter}
          errors={list.error?.fields ?? {}}
          onApply={(next) => {
            setFilter(next);
            setPage(0);
          }}
        />
        <div className="actions">
          <button type="button" onClick={() => void exportFiltered()} disabled={exporter.running || result.total === 0}>
            {exporter.running ? 'Export en cours…' : `Exporter les ${result.total} opération(s) en CSV`}
          </button>
        </div>
        <ErrorBanner error={bannerError(list.error ?? exporter.error)} />
        <DataTable
          label="Journal d'audit"
          rows={result.rows}
          columns={COLUMNS}
          rowKey={(r) => String(r.seq)}
          onRowActivate={setSelected}
          server={{ total: result.total, pageIndex: page, pageSize: PAGE_SIZE, onPageChange: setPage }}
          empty="Aucune opération ne correspond à ces filtres."
        />
      </section>
      {selected ? <AuditDetailDialog row={selected} onClose={() => setSelected(null)} /> : null}
    </div>
  );
}
