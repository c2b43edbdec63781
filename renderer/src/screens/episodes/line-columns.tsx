import type { EpisodeLine } from '../../../../shared/domain/episodes';
import type { DataColumn } from '../../components/DataTable';
import { formatDate } from '../../lib/format';

/** What the RAMED is billed on this line (a caesarean is recorded for its own programme). */
const billed = (l: EpisodeLine) => (l.payer === 'ramed' ? l.amount : 0);

function stateNote(line: EpisodeLine, lines: readonly EpisodeLine[]) {
  if (line.state === 'annulee') return <small className="line-note">Annulée : {line.reason}</small>;
  if (line.state === 'annulation') {
    const original = lines.find((l) => l.id === line.cancelsId);
    return (
      <small className="line-note">
        Annulation de la ligne du {formatDate(original?.performedOn ?? line.performedOn)} ({line.createdBy})
      </small>
    );
  }
  if (line.payer !== 'ramed') return <small className="line-note">Programme {line.programme ?? 'CESAR'} : non facturé au RAMED</small>;
  if (line.offListReason) return <small className="line-note">Hors liste essentielle : {line.offListReason}</small>;
  return null;
}

/** The columns of an episode's acts; a line's note (cancelled, cancelling, free care) needs the other lines. */
export const lineColumns = (lines: readonly EpisodeLine[]): DataColumn<EpisodeLine>[] => [
  { key: 'performedOn', header: 'Date', value: (l) => formatDate(l.performedOn), width: '6.5rem' },
  { key: 'code', header: 'Code', value: (l) => l.code, render: (l) => <span className="mono">{l.code}</span>, width: '6.5rem' },
  {
    key: 'label',
    header: 'Acte',
    value: (l) => l.label,
    render: (l) => (
      <>
        <span className={l.state === 'annulee' ? 'struck' : l.state === 'annulation' ? 'muted' : undefined}>{l.label}</span>
        {stateNote(l, lines)}
      </>
    ),
  },
  { key: 'quantity', header: 'Qté', value: (l) => l.quantity, kind: 'number', width: '4rem' },
  { key: 'unitPrice', header: 'Prix unitaire', value: (l) => l.unitPrice, kind: 'money', width: '8rem' },
  { key: 'amount', header: 'Montant RAMED', value: billed, kind: 'money', total: true, width: '9rem' },
  { key: 'prescriber', header: 'Prescripteur', value: (l) => l.prescriber, width: '10rem' },
];
