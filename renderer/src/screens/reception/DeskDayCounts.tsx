import type { DeskCounts } from '../../../../shared/domain/reception';
import { formatNumber } from '../../lib/format';

/** The figures the desk is asked for at the end of the day. */
export function DeskDayCounts({ counts }: { counts: DeskCounts }) {
  return (
    <dl className="desk-day-counts" aria-label="Chiffres du jour">
      <div>
        <dt>Vérifiés</dt>
        <dd>{formatNumber(counts.checked)}</dd>
      </div>
      <div>
        <dt>Éligibles</dt>
        <dd className="text-ok">{formatNumber(counts.eligible)}</dd>
      </div>
      <div>
        <dt>Refusés</dt>
        <dd className="text-no">{formatNumber(counts.refused)}</dd>
      </div>
      <div>
        <dt>Admis</dt>
        <dd>{formatNumber(counts.admitted)}</dd>
      </div>
    </dl>
  );
}
