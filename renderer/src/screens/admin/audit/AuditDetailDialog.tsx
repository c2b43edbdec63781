import { AUDIT_OUTCOME_LABELS, type AuditRow } from '../../../../../shared/domain/audit';
import { auditMethodLabel, auditObject, describeAuditSummary } from '../../../../../shared/domain/audit-labels';
import { Dialog } from '../../../components/Dialog';
import { formatDate } from '../../../lib/format';

/** Everything one audit row holds, its hashes included. */
export function AuditDetailDialog({ row, onClose }: { row: AuditRow; onClose: () => void }) {
  return (
    <Dialog title={`Opération n° ${row.seq}`} onClose={onClose}>
      <dl className="facts">
        <dt>Date et heure</dt>
        <dd>
          {formatDate(row.at)} à {row.at.slice(11, 19)}
        </dd>
        <dt>Utilisateur</dt>
        <dd className="mono">{row.actorLogin}</dd>
        <dt>Opération</dt>
        <dd>{auditMethodLabel(row.method)}</dd>
        <dt>Objet</dt>
        <dd>{auditObject(row.entity, row.entityId)}</dd>
        <dt>Résultat</dt>
        <dd>{AUDIT_OUTCOME_LABELS[row.outcome]}</dd>
        <dt>Détail</dt>
        <dd className="wrap">{describeAuditSummary(row.summary, 400) || '—'}</dd>
        <dt>Empreinte</dt>
        <dd className="mono small wrap">{row.hash}</dd>
        <dt>Précédente</dt>
        <dd className="mono small wrap">{row.prevHash}</dd>
      </dl>
    </Dialog>
  );
}
