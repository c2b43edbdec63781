import { useState } from 'react';
import type { PullView } from '../../../../shared/domain/anam-lists';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';

const LIST_LABELS = { registry: 'Registre', tariffs: 'Tarifs', medicines: 'Médicaments' } as const;
const PULLED_LABELS = { registre: 'Registre', tarifs: 'Tarifs', medicaments: 'Médicaments' } as const;

const COLUMNS: DataColumn<PullView>[] = [
  { key: 'at', header: 'Date', value: (p) => p.at, kind: 'datetime' },
  { key: 'list', header: 'Liste', value: (p) => PULLED_LABELS[p.list] },
  { key: 'sequence', header: 'N°', value: (p) => p.sequence ?? '', kind: 'number' },
  {
    key: 'fileName',
    header: 'Fichier',
    value: (p) => p.fileName,
    clip: true,
  },
  { key: 'status', header: 'État', value: (p) => (p.status === 'applique' ? 'Appliqué' : `Refusé : ${p.error ?? ''}`) },
  { key: 'by', header: 'Par', value: (p) => p.by },
];

const NO_PULLS: PullView[] = [];

/** Administration › Registre: fetch the ANAM's lists now (registry updates, tariffs, medicines) and what was pulled. */
export function AnamPullCard({ onPulled }: { onPulled(): void }) {
  const [jobId, setJobId] = useState<string | null>(null);
  const load = useQuery('anam.pulls', { limit: 20 });
  const pull = useCommand('anam.pull');
  const history = load.data ?? NO_PULLS;
  const report = pull.result;

  async function pullNow() {
    const id = crypto.randomUUID();
    setJobId(id);
    try {
      await pull.run({ list: 'all', jobId: id });
    } finally {
      setJobId(null);
      load.reload();
      onPulled();
    }
  }

  const failed = report?.lists.some((l) => l.error !== null) ?? false;
  return (
    <section className="card">
      <h2>Téléchargement depuis l’ANAM</h2>
      <p className="muted small">
        Mises à jour du registre, liste des tarifs et liste des médicaments, vérifiées (signature de l’ANAM) puis importées comme un fichier
        choisi à la main. Automatique selon le paramètre anam.pullHours ; la clé USB reste possible ci-dessous.
      </p>
      {jobId ? (
        <JobProgressBar key={jobId} jobId={jobId} label="Téléchargement des listes" />
      ) : (
        <button type="button" onClick={() => void pullNow()}>
          Télécharger maintenant
        </button>
      )}
      <ErrorBanner error={pull.error ?? load.error} />
      {report ? (
        <div className={`banner ${!report.configured || failed ? 'banner-warn' : 'banner-ok'}`} role="status">
          {report.configured
            ? report.lists.map((l) => (
                <div key={l.list}>
                  {LIST_LABELS[l.list]} : {l.files === 0 && !l.error ? 'à jour' : `${l.applied} fichier(s) appliqué(s) sur ${l.files}`}
                  {l.error ? ` – ${l.error}` : ''}
                </div>
              ))
            : 'Adresse de l’ANAM non réglée (Paramètres › anam.endpoint) : rien n’a été téléchargé.'}
        </div>
      ) : null}
      <DataTable
        label="Listes téléchargées"
        rows={history}
        columns={COLUMNS}
        rowKey={(p) => String(p.id)}
        csvName="telechargements-anam.csv"
        pageSize={5}
        empty="Rien n’a encore été téléchargé depuis l’ANAM."
      />
    </section>
  );
}
