import { useRef, useState, type FormEvent } from 'react';
import { unitsOf } from '../../../../shared/rules/dispense-check';
import type { EpisodePharmacy } from '../../../../shared/domain/pharmacy';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { ramed } from '../../lib/bridge';
import { focusWhenDrawn } from '../../lib/focus';
import { formatDateTime, formatFcfa } from '../../lib/format';
import { useCall } from '../../lib/useCall';

type Line = EpisodePharmacy['lines'][number];
const STATE_LABELS: Record<Line['state'], string> = { active: '', annulee: 'annulée', annulation: 'annulation' };

const COLUMNS: readonly DataColumn<Line>[] = [
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

/**
 * What was dispensed on the episode. A line in force can be cancelled, with a reason: a mirror
 * line returns the units to their lot and both stay visible (nothing the claim needs is deleted).
 */
export function DispensedLines({ lines, canCancel, onChanged }: { lines: readonly Line[]; canCancel: boolean; onChanged(): void }) {
  const [target, setTarget] = useState<Line | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const cancel = useCall(ramed.pharmacy.cancel);
  const heading = useRef<HTMLHeadingElement>(null);

  const columns: DataColumn<Line>[] = [...COLUMNS];
  if (canCancel) {
    columns.push({
      key: 'action',
      header: 'Correction',
      actions: true,
      value: () => null,
      render: (l) =>
        l.state === 'active' ? (
          <button
            type="button"
            className="small-button"
            onClick={() => {
              setDone(null);
              cancel.setError(null);
              setTarget(l);
            }}
            aria-label={`Annuler la ligne ${l.dci} ${l.form} ${l.strength} (${l.quantity})`}
          >
            Annuler
          </button>
        ) : null,
      width: '7rem',
    });
  }

  const close = () => {
    setTarget(null);
    setReason('');
    // To the lines' heading, above the row just added: the line's own button goes once it is cancelled.
    focusWhenDrawn(() => heading.current);
  };

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    const line = await cancel.run({ lineId: target.id, reason });
    if (!line) return;
    setDone(`Ligne annulée : ${unitsOf(target.quantity, 'unité')} remis en stock (lot ${target.lot}).`);
    close();
    onChanged();
  }

  return (
    <section className="card" aria-label="Médicaments dispensés sur l’épisode">
      <h2 ref={heading} tabIndex={-1}>
        Médicaments dispensés
      </h2>
      <DataTable
        label="Médicaments dispensés"
        rows={lines}
        columns={columns}
        rowKey={(l) => String(l.id)}
        empty="Aucun médicament dispensé sur cet épisode."
      />
      {target ? (
        <form
          className="cancel-line"
          noValidate
          onSubmit={confirm}
          aria-label="Annuler une dispensation"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <p>
            Annuler {target.dci} {target.form} {target.strength}, {target.quantity} × {formatFcfa(target.unitPrice)} (lot {target.lot}) :
            une ligne d’annulation sera ajoutée, les unités reviennent dans leur lot, la ligne d’origine reste visible.
          </p>
          <div className="cancel-row">
            <Field
              autoFocus
              label="Motif de l’annulation"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              error={cancel.error?.fields?.reason}
              placeholder="ex. Quantité saisie par erreur"
              required
            />
            <button type="submit" className="primary" disabled={cancel.pending}>
              Confirmer l’annulation
            </button>
            <button type="button" onClick={close}>
              Garder la ligne
            </button>
          </div>
          {cancel.error && !cancel.error.fields?.reason ? <ErrorBanner error={cancel.error} /> : null}
        </form>
      ) : null}
      {done ? (
        <p className="banner" role="status">
          {done}
        </p>
      ) : null}
    </section>
  );
}
