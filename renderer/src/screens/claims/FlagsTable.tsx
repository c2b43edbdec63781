import type { ClaimDocument, FlagView } from '../../../../shared/domain/claims';
import { DataTable } from '../../components/DataTable';
import { flagColumns, flagRows } from './flag-columns';
import type { ClaimChange } from './targets';

/** The checks that fired, unresolved and blocking first, each with its way out: excluding the line or the episode. */
export function FlagsTable({
  flags,
  document,
  editable,
  onChange,
}: {
  flags: readonly FlagView[];
  document: ClaimDocument;
  editable: boolean;
  onChange(change: ClaimChange): void;
}) {
  return (
    <DataTable
      label="Contrôles signalés"
      rows={flagRows(flags, document)}
      columns={flagColumns(editable, onChange)}
      rowKey={(r) => r.id}
      pageSize={10}
      csvName="controles.csv"
      empty="Aucun contrôle signalé : la réclamation est prête à signer."
    />
  );
}
