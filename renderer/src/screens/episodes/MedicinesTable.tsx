import type { DispensedLine } from '../../../../shared/domain/pharmacy';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDate } from '../../lib/format';

function note(line: DispensedLine) {
  if (line.state === 'annulee') return <small className="line-note">Annulée : {line.cancelReason}</small>;
  if (line.state === 'annulation') return <small className="line-note">Annulation ({line.cancelReason})</small>;
  if (line.offListReason) return <small className="line-note">Hors liste essentielle : {line.offListReason}</small>;
  return null;
}

const COLUMNS: readonly DataColumn<DispensedLine>[] = [
  { key: 'dispensedAt', header: 'Date', value: (l) => formatDate(l.dispensedAt), width: '6.5rem' },
  {
    key: 'dci',
    header: 'Médicament',
    value: (l) => `${l.dci} ${l.form} ${l.strength}`,
    render: (l) => (
      <>
        <span className={l.state === 'annulee' ? 'struck' : l.state === 'annulation' ? 'muted' : undefined}>
          {l.dci} {l.form} {l.strength}
        </span>
        {note(l)}
      </>
    ),
  },
  { key: 'lot', header: 'Lot', value: (l) => l.lot, width: '7rem' },
  { key: 'quantity', header: 'Qté', value: (l) => l.quantity, kind: 'number', width: '4rem' },
  { key: 'unitPrice', header: 'Prix unitaire', value: (l) => l.unitPrice, kind: 'money', width: '8rem' },
  { key: 'amount', header: 'Montant RAMED', value: (l) => l.amount, kind: 'money', total: true, width: '9rem' },
  { key: 'prescriber', header: 'Prescripteur', value: (l) => l.prescriber, width: '10rem' },
];

/** What the pharmacy dispensed on the episode: read here, corrected at the pharmacy. */
export function MedicinesTable({ lines }: { lines: readonly DispensedLine[] }) {
  return (
    <section className="card" aria-label="Médicaments">
      <h2>Médicaments servis par la pharmacie</h2>
      <DataTable
        label="Médicaments de l’épisode"
        rows={lines}
        columns={COLUMNS}
        rowKey={(l) => String(l.id)}
        pageSize={50}
        empty="Aucun médicament servi pour l’instant."
      />
    </section>
  );
}
