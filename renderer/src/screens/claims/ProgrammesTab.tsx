import { useState } from 'react';
import type { ProgrammeMonthTotal } from '../../../../shared/domain/programmes';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { MonthField } from '../../components/MonthField';
import { downloadFile } from '../../lib/files';
import { formatMonth } from '../../lib/format';
import { monthsAgo } from '../../lib/months-ago';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';

/**
 * The free-care programmes' monthly statements (caesarean, malaria, TB…): each programme that pays
 * lines on the month's closed episodes, with its totals and its statement as PDF or CSV. These
 * lines never go to the RAMED claim.
 */
export function ProgrammesTab() {
  const [month, setMonth] = useState(() => monthsAgo(1));
  // Another month's rows are not shown while the new ones load.
  const totals = useQuery('programmes.month', { month }, { enabled: month !== '' });
  const rows = totals.data;
  const statement = useCommand('programmes.statement');

  async function download(programme: string, format: 'pdf' | 'csv') {
    const file = await statement.run({ month, programme, format });
    if (file) downloadFile(file);
  }

  const columns: DataColumn<ProgrammeMonthTotal>[] = [
    { key: 'code', header: 'Code', value: (p) => p.code, width: '6rem' },
    { key: 'name', header: 'Programme', value: (p) => p.name },
    { key: 'payer', header: 'Payeur', value: (p) => p.payer },
    { key: 'episodes', header: 'Épisodes', value: (p) => p.episodes, kind: 'number', total: true, width: '6rem' },
    { key: 'lines', header: 'Lignes', value: (p) => p.lines, kind: 'number', total: true, width: '5.5rem' },
    { key: 'total', header: 'Montant', value: (p) => p.total, kind: 'money', total: true, width: '9rem' },
    {
      key: 'actions',
      header: 'Relevé',
      value: () => null,
      actions: true,
      width: '9.5rem',
      render: (p) => (
        <span className="row-actions">
          <button type="button" onClick={() => void download(p.code, 'pdf')} aria-label={`Relevé PDF du programme ${p.code}`}>
            PDF
          </button>
          <button type="button" onClick={() => void download(p.code, 'csv')} aria-label={`Relevé CSV du programme ${p.code}`}>
            CSV
          </button>
        </span>
      ),
    },
  ];

  return (
    <section className="card" aria-labelledby="programmes-title">
      <h2 id="programmes-title">Programmes de gratuité</h2>
      <p className="muted section-intro">
        Les actes et médicaments qu’un programme de gratuité prend en charge (césarienne, paludisme de l’enfant de moins de 5 ans et de la
        femme enceinte, tuberculose, VIH, lèpre, vaccination) ne vont jamais sur la réclamation RAMED : chaque programme a son relevé
        mensuel, sur les mêmes épisodes clos que la réclamation du mois.
      </p>
      <div className="build-row">
        <MonthField label="Mois (MM/AAAA)" value={month} onChange={setMonth} error={totals.error?.fields?.month} />
      </div>
      <ErrorBanner error={totals.error && !totals.error.fields?.month ? totals.error : statement.error} />
      <DataTable
        label={`Programmes de gratuité, ${month ? formatMonth(month) : ''}`}
        rows={rows ?? []}
        columns={columns}
        rowKey={(p) => p.code}
        csvName={`programmes-${month}.csv`}
        empty={rows ? 'Aucune ligne de programme sur les épisodes clos de ce mois.' : 'Chargement…'}
      />
    </section>
  );
}
