import type { MissingEpisode } from '../../../../shared/domain/claims';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../lib/format';
import { formatRecepisse } from '../../../../shared/domain/registry';

const COLUMNS: DataColumn<MissingEpisode>[] = [
  {
    key: 'number',
    header: 'N° d’épisode',
    value: (e) => e.number,
    render: (e) => <span className="mono">{e.number}</span>,
    width: '10rem',
  },
  { key: 'openedAt', header: 'Ouvert le', value: (e) => formatDateTime(e.openedAt), width: '10rem' },
  { key: 'patient', header: 'Patient', value: (e) => e.patientName },
  {
    key: 'recepisse',
    header: 'Récépissé',
    value: (e) => formatRecepisse(e.recepisse),
    render: (e) => <span className="mono nowrap">{formatRecepisse(e.recepisse)}</span>,
    width: '10rem',
  },
];

/** Episodes of the month still open: not in this claim, they wait for the next build once closed. */
export function MissingEpisodes({ missing }: { missing: readonly MissingEpisode[] }) {
  return (
    <section className="card" aria-labelledby="claim-missing">
      <h2 id="claim-missing">Épisodes encore ouverts ({missing.length})</h2>
      <p className="muted section-intro">Ils n’entrent pas dans la réclamation : clôturez-les à l’accueil, puis reconstruisez.</p>
      <DataTable
        label="Épisodes encore ouverts"
        rows={missing}
        columns={COLUMNS}
        rowKey={(e) => String(e.episodeId)}
        pageSize={10}
        empty="Aucun épisode ouvert pour ce mois."
      />
    </section>
  );
}
