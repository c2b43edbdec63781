import type { AttemptView, ResponseReceiptView } from '../../../../shared/domain/claim-responses';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { formatDateTime } from '../../lib/format';

interface Event {
  id: string;
  at: string;
  episode: string;
  what: string;
  outcome: string;
  detail: string | null;
}

const ATTEMPT_OUTCOMES: Record<AttemptView['outcome'], string> = {
  livre: 'Reçue par l’ANAM',
  doublon: 'Déjà reçue (doublon)',
  echec: 'Échec',
};

const COLUMNS: DataColumn<Event>[] = [
  { key: 'at', header: 'Quand', value: (e) => e.at, render: (e) => formatDateTime(e.at), width: '9.5rem' },
  {
    key: 'episode',
    header: 'Épisode',
    value: (e) => e.episode,
    render: (e) => <span className="mono nowrap">{e.episode}</span>,
    width: '11rem',
  },
  { key: 'what', header: 'Événement', value: (e) => e.what, width: '16rem' },
  { key: 'outcome', header: 'Résultat', value: (e) => e.outcome, width: '11rem' },
  { key: 'detail', header: 'Détail', value: (e) => e.detail, render: (e) => <span className="wrap">{e.detail ?? '—'}</span> },
];

/** Every attempt to send the version's Claims and every answer received, newest first. */
export function SendingHistory({ attempts, responses }: { attempts: readonly AttemptView[]; responses: readonly ResponseReceiptView[] }) {
  const events: Event[] = [
    ...attempts.map((a, i) => ({
      id: `a${i}`,
      at: a.finishedAt,
      episode: a.episodeNumber,
      what: a.worker.startsWith('fichier ') ? `Réponse importée (${a.worker.slice(8)})` : `Envoi par le réseau (${a.worker})`,
      outcome: ATTEMPT_OUTCOMES[a.outcome],
      detail: [a.httpStatus ? `HTTP ${a.httpStatus}` : null, a.error].filter(Boolean).join(' – ') || null,
    })),
    ...responses.map((r, i) => ({
      id: `r${i}`,
      at: r.receivedAt,
      episode: r.episodeNumber,
      what: r.source === 'envoi' ? 'Réponse reçue à l’envoi' : `Réponse importée (${r.fileName ?? 'fichier'})`,
      outcome: 'Réponse enregistrée',
      detail: [r.disposition, `par ${r.by}`, `SHA-256 ${r.sha256.slice(0, 12)}…`].filter(Boolean).join(' – '),
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  return (
    <DataTable
      label="Historique des envois"
      rows={events}
      columns={COLUMNS}
      rowKey={(e) => e.id}
      csvName="historique-envois.csv"
      pageSize={10}
      empty="Aucune tentative d’envoi pour l’instant (adresse de l’ANAM non réglée, ou envoi par clé USB)."
    />
  );
}
