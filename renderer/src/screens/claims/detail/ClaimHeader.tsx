import type { ClaimExportFormat } from '../../../../../shared/api/claims';
import type { ClaimView } from '../../../../../shared/domain/claims';
import { ofMonth } from '../../../../../shared/lib/months';
import { formatDateTime, formatFcfa, formatNumber } from '../../../lib/format';
import { ClaimStatusBadge } from '../ClaimStatusBadge';

const EXPORTS: Array<[ClaimExportFormat, string]> = [
  ['pdf', 'Bordereau PDF'],
  ['fhir', 'FHIR R4 (JSON)'],
  ['csv', 'Tableur (CSV)'],
];

interface Props {
  month: string;
  view: ClaimView;
  /** The version whose rejected lines this one resubmits, when it does. */
  resubmitted: number | null;
  /** A rebuild is running: neither sign nor rebuild meanwhile. */
  building: boolean;
  exporting: boolean;
  onSign(): void;
  onRebuild(): void;
  onDownload(format: ClaimExportFormat): void;
}

/** The version's title, who built and signed it, its figures; sign-off and rebuild for a draft, the exports once signed. */
export function ClaimHeader({ month, view, resubmitted, building, exporting, onSign, onRebuild, onDownload }: Props) {
  const summary = view.summary;
  return (
    <section className="card claim-header" aria-labelledby="claim-title">
      <div>
        <h2 id="claim-title">
          Réclamation {ofMonth(month)} — version {summary.version} <ClaimStatusBadge status={summary.status} />
        </h2>
        <p className="muted">
          Construite le {formatDateTime(summary.builtAt)} par {summary.builtBy}
          {summary.signedAt ? ` ; signée le ${formatDateTime(summary.signedAt)} par ${summary.signedBy}` : ''}
          {view.document.previousSha256 ? ` ; remplace la version signée ${view.document.previousSha256.slice(0, 12)}…` : ''}
          {resubmitted ? ` ; resoumission des lignes corrigées de la version ${resubmitted}` : ''}
        </p>
      </div>
      <dl className="claim-figures">
        <div>
          <dt>Épisodes</dt>
          <dd>{formatNumber(view.document.episodes.length)}</dd>
        </div>
        <div>
          <dt>Total RAMED</dt>
          <dd>{formatFcfa(view.document.total)}</dd>
        </div>
        <div>
          <dt>Bloquants</dt>
          <dd className={view.blocking > 0 ? 'state-bad' : 'state-ok'}>{formatNumber(view.blocking)}</dd>
        </div>
      </dl>
      <div className="claim-actions">
        {summary.status === 'brouillon' ? (
          <>
            <button type="button" className="primary" onClick={onSign} disabled={building}>
              Signer…
            </button>
            <button type="button" onClick={onRebuild} disabled={building}>
              Reconstruire
            </button>
          </>
        ) : (
          EXPORTS.map(([format, label]) => (
            <button key={format} type="button" onClick={() => onDownload(format)} disabled={exporting}>
              {label}
            </button>
          ))
        )}
      </div>
    </section>
  );
}
