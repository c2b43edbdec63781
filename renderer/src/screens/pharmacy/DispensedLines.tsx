import { useRef, useState } from 'react';
import { unitsOf } from '../../../../shared/rules/dispense-check';
import type { DispensedLine } from '../../../../shared/domain/pharmacy';
import { CancelLineForm, cancelColumn } from '../../components/CancelLineForm';
import { DataTable } from '../../components/DataTable';
import { formatFcfa } from '../../lib/format';
import { useCancelTarget } from '../../lib/useCancelTarget';
import { useCommand } from '../../lib/useCommand';
import { DISPENSED_COLUMNS } from './dispensed-columns';

/**
 * What was dispensed on the episode. A line in force can be cancelled, with a reason: a mirror
 * line returns the units to their lot and both stay visible (nothing the claim needs is deleted).
 */
export function DispensedLines({
  lines,
  canCancel,
  onChanged,
}: {
  lines: readonly DispensedLine[];
  canCancel: boolean;
  onChanged(): void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const cancelling = useCancelTarget<DispensedLine>(heading);
  const cancel = useCommand('pharmacy.cancel');
  const [done, setDone] = useState<string | null>(null);
  const target = cancelling.target;
  const pick = (line: DispensedLine) => {
    setDone(null);
    cancel.reset();
    cancelling.open(line);
  };
  const columns = canCancel
    ? [...DISPENSED_COLUMNS, cancelColumn(pick, (l) => `Annuler la ligne ${l.dci} ${l.form} ${l.strength} (${l.quantity})`)]
    : DISPENSED_COLUMNS;

  async function confirm(line: DispensedLine, reason: string) {
    const cancelled = await cancel.run({ lineId: line.id, reason });
    if (!cancelled) return;
    setDone(`Ligne annulée : ${unitsOf(line.quantity, 'unité')} remis en stock (lot ${line.lot}).`);
    cancelling.close();
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
        <CancelLineForm
          label="Annuler une dispensation"
          placeholder="ex. Quantité saisie par erreur"
          running={cancel.running}
          error={cancel.error}
          onConfirm={(reason) => void confirm(target, reason)}
          onClose={cancelling.close}
        >
          Annuler {target.dci} {target.form} {target.strength}, {target.quantity} × {formatFcfa(target.unitPrice)} (lot {target.lot}) : une
          ligne d’annulation sera ajoutée, les unités reviennent dans leur lot, la ligne d’origine reste visible.
        </CancelLineForm>
      ) : null}
      {done ? (
        <p className="banner" role="status">
          {done}
        </p>
      ) : null}
    </section>
  );
}
