import type { ClaimDocument, FlagView } from '../../../../shared/domain/claims';
import { DataTable } from '../../components/DataTable';
import { claimLineColumns, claimLineRows } from './claim-line-columns';
import type { ClaimChange } from './targets';

/** Every line of the claim, the flagged ones first, with the way to leave a line or its episode out. */
export function ClaimLinesTable({
  document,
  flags,
  editable,
  onChange,
}: {
  document: ClaimDocument;
  flags: readonly FlagView[];
  editable: boolean;
  onChange(change: ClaimChange): void;
}) {
  return (
    <DataTable
      label="Lignes de la réclamation"
      rows={claimLineRows(document, flags)}
      columns={claimLineColumns(editable, onChange)}
      rowKey={(r) => r.line.key}
      pageSize={15}
      csvName={`reclamation-${document.month}-lignes.csv`}
      empty="Aucune ligne : aucun épisode clos ce mois-ci."
    />
  );
}
