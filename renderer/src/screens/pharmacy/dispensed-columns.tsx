import type { DispensedLine } from '../../../../shared/domain/pharmacy';
import type { DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../lib/format';

const STATE_LABELS: Record<DispensedLine['state'], string> = { active: '', annulee: 'annulée', annulation: 'annulation' };

/** The columns of what was dispensed on an episode. */
export const DISPENSED_COLUMNS: readonly DataColumn<DispensedLine>[] = [
  { key: 'at', header: 'Heure', value: (l) => l.dispensedAt, render: (l) => formatDateTime(l.dispensedAt), width: '9rem' },
  {
    key: 'dci',
    header: 'DCI',
    value: (l) => `${l.dci} ${l.form} ${l.strength}`,
    render: (l) => (
      <>
        <span className={l.state === 'annulee' ? 'struck' : undefined}>{`${l.dci} ${l.form} ${l.strength}`}</span>
        {l.offListReason ? <small className="line-note">Hors liste essentielle : {l.offListReason}</small> : null}
      </>
    ),
  },
  {
    key: 'lot',
    header: 'Lot',
    value: (l) => (l.overrideReason ? `${l.lot} (choisi : ${l.overrideReason})` : l.lot),
  },
  { key: 'quantity', header: 'Qté', value: (l) => l.quantity, kind: 'number', width: '5rem' }, // units of different kinds: no total
  { key: 'amount', header: 'Montant', value: (l) => l.amount, kind: 'money', total: true, width: '8rem' },
  { key: 'prescriber', header: 'Prescripteur', value: (l) => l.prescriber },
  { key: 'state', header: 'État', value: (l) => STATE_LABELS[l.state] + (l.cancelReason ? ` (${l.cancelReason})` : '') },
];
