import type { ImportResult } from '../../../../shared/domain/registry-import';
import { formatDate, formatNumber } from '../../lib/format';

/** What an import (or a dry run) did: people added, changed, struck off, lines rejected, and its warnings. */
export function RegistryImportResult({ result }: { result: ImportResult }) {
  return (
    <div className={`banner ${result.rejectedCount > 0 || result.dryRun ? 'banner-warn' : 'banner-ok'}`} role="status">
      {result.dryRun ? 'Essai à blanc, rien n’a été modifié. L’import ferait' : 'Import terminé'}
      {result.resumed ? ' (repris là où il s’était arrêté)' : ''}
      {result.sequence !== null ? ` (mise à jour n° ${result.sequence} du ${formatDate(result.extractDate!)})` : ''} :{' '}
      {formatNumber(result.inserted)} nouvelle(s) personne(s), {formatNumber(result.updated)} modifiée(s), {formatNumber(result.unchanged)}{' '}
      inchangée(s), {formatNumber(result.struckOff)} radiée(s), {formatNumber(result.rejectedCount)} ligne(s) rejetée(s).
      {result.warnings.map((w) => (
        <div key={w} className="small">
          {w}
        </div>
      ))}
    </div>
  );
}
