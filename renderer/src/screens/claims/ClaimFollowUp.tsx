import { useState } from 'react';
import type { ClaimFollowUpView } from '../../../../shared/domain/claim-responses';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { FollowUpFigures } from './detail/FollowUpFigures';
import { FollowUpNotes } from './detail/FollowUpNotes';
import { formatDate } from '../../lib/format';
import { ImportResponseDialog } from './ImportResponseDialog';
import { LineResponsesTable } from './LineResponsesTable';
import { ResubmissionDialog } from './ResubmissionDialog';
import { SendingHistory } from './SendingHistory';

type Allocation = ClaimFollowUpView['allocations'][number] & { index: number };
const ALLOCATIONS: DataColumn<Allocation>[] = [
  { key: 'paidOn', header: 'Payé le', value: (a) => a.paidOn, render: (a) => formatDate(a.paidOn), width: '8rem' },
  { key: 'reference', header: 'Référence', value: (a) => a.reference },
  { key: 'amount', header: 'Montant affecté', value: (a) => a.amount, kind: 'money', total: true, width: '10rem' },
];

/**
 * What became of a signed version: the ANAM's answer line by line, the totals that follow, the
 * payments set against it, the sending history; and the two actions on it (import an answer,
 * resubmit the rejected lines once corrected).
 */
export function ClaimFollowUp({
  view,
  onChanged,
  onOpenVersion,
}: {
  view: ClaimFollowUpView;
  onChanged(): void;
  onOpenVersion(version: number): void;
}) {
  const [dialog, setDialog] = useState<'import' | 'resubmit' | null>(null);
  const { claim } = view;
  const f = claim.followUp!;
  return (
    <>
      <section className="card" aria-labelledby="claim-answer">
        <div className="section-head">
          <h2 id="claim-answer">Réponse de l’ANAM et paiements</h2>
          <div className="actions">
            <button type="button" onClick={() => setDialog('import')}>
              Importer une réponse…
            </button>
            <button type="button" onClick={() => setDialog('resubmit')} disabled={view.rejectedToResubmit === 0}>
              Préparer une resoumission…
            </button>
          </div>
        </div>
        <FollowUpFigures followUp={f} />
        <FollowUpNotes view={view} onOpenVersion={onOpenVersion} />
      </section>

      <section className="card" aria-labelledby="claim-line-answers">
        <h2 id="claim-line-answers">Réponse par ligne</h2>
        {/* A new answer shows its rejected lines first again. */}
        <LineResponsesTable key={view.responses.length} lines={view.lines} />
      </section>

      <section className="card" aria-labelledby="claim-payments">
        <h2 id="claim-payments">Paiements affectés</h2>
        <DataTable
          label="Paiements affectés à cette version"
          rows={view.allocations.map((a, index) => ({ ...a, index }))}
          columns={ALLOCATIONS}
          rowKey={(a) => String(a.index)}
          empty="Aucun paiement affecté (onglet Paiements)."
        />
      </section>

      <section className="card" aria-labelledby="claim-history">
        <h2 id="claim-history">Historique des envois</h2>
        <SendingHistory attempts={view.attempts} responses={view.responses} />
      </section>

      {dialog === 'import' ? <ImportResponseDialog onClose={() => setDialog(null)} onImported={onChanged} /> : null}
      {dialog === 'resubmit' ? (
        <ResubmissionDialog
          month={claim.month}
          version={claim.version}
          onClose={() => setDialog(null)}
          onSigned={(version) => {
            setDialog(null);
            onOpenVersion(version);
          }}
        />
      ) : null}
    </>
  );
}
