import { useMemo, useState } from 'react';
import { IDENTITY_DOCUMENT_LABELS } from '../../../../shared/domain/episodes';
import { DESK_OUTCOME_LABELS, REFUSAL_LABELS, deskCounts, type DeskCheckRow, type DeskOutcome } from '../../../../shared/domain/reception';
import { formatRecepisse } from '../../../../shared/domain/registry';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SelectField } from '../../components/Field';
import { formatDate } from '../../lib/format';
import { useQuery } from '../../lib/useQuery';
import { DeskDayCounts } from './DeskDayCounts';

const OUTCOME_BADGES: Record<DeskOutcome, string> = {
  eligible: 'badge badge-ok',
  non_eligible: 'badge badge-bad',
  admis: 'badge badge-admis',
  refuse: 'badge badge-bad',
};

const agentOf = (r: DeskCheckRow) => r.agentName ?? r.agent;

const columns = (onOpenEpisode: (id: number) => void): DataColumn<DeskCheckRow>[] => [
  { key: 'at', header: 'Heure', value: (r) => r.at.slice(11, 16), width: '4.5rem' },
  { key: 'patient', header: 'Patient', value: (r) => r.patient ?? 'Absent du registre' },
  {
    key: 'recepisse',
    header: 'Récépissé',
    value: (r) => formatRecepisse(r.recepisse),
    render: (r) => <span className="mono nowrap">{formatRecepisse(r.recepisse)}</span>,
    width: '9.5rem',
  },
  { key: 'kind', header: 'Opération', value: (r) => (r.kind === 'verification' ? 'Vérification' : 'Admission'), width: '7rem' },
  {
    key: 'outcome',
    header: 'Résultat',
    value: (r) => DESK_OUTCOME_LABELS[r.outcome],
    render: (r) => <span className={OUTCOME_BADGES[r.outcome]}>{DESK_OUTCOME_LABELS[r.outcome]}</span>,
    width: '9.5rem',
  },
  { key: 'reasons', header: 'Motifs', value: (r) => r.reasons.map((code) => REFUSAL_LABELS[code] ?? code).join(' ; ') },
  {
    key: 'identity',
    header: 'Pièce',
    value: (r) => (r.identityDocument ? IDENTITY_DOCUMENT_LABELS[r.identityDocument] : ''),
    width: '9rem',
  },
  {
    key: 'episode',
    header: 'Épisode',
    value: (r) => r.episodeNumber,
    render: (r) =>
      r.episodeId !== null ? (
        <button type="button" className="link mono nowrap" onClick={() => onOpenEpisode(r.episodeId!)}>
          {r.episodeNumber}
        </button>
      ) : null,
    width: '9.5rem',
  },
  { key: 'agent', header: 'Agent', value: agentOf, width: '9rem' },
];

/**
 * The desk's day: every check and admission decision, the figures the desk is asked for at the
 * end of the day (checked, eligible, refused, admitted), by agent or for all desks.
 */
export function DeskDayScreen({ onOpenEpisode, reloadKey }: { onOpenEpisode: (id: number) => void; reloadKey: number }) {
  const [day, setDay] = useState('');
  const [outcome, setOutcome] = useState<DeskOutcome | ''>('');
  const [agent, setAgent] = useState('');
  // Another day's list stays until the new one comes (no flicker while the filters change).
  const load = useQuery('reception.day', day ? { day } : {}, { reloadKey, keepPrevious: true });
  const answer = load.data;

  const rows = useMemo(() => answer?.rows ?? [], [answer]);
  const agents = useMemo(
    () => [...new Map(rows.map((r) => [r.agent, agentOf(r)])).entries()].sort((a, b) => a[1].localeCompare(b[1])),
    [rows],
  );
  const byAgent = useMemo(() => (agent ? rows.filter((r) => r.agent === agent) : rows), [rows, agent]);
  const shown = useMemo(() => (outcome ? byAgent.filter((r) => r.outcome === outcome) : byAgent), [byAgent, outcome]);
  const cols = useMemo(() => columns(onOpenEpisode), [onOpenEpisode]);

  return (
    <section className="card" aria-label="Contrôles et admissions du jour">
      <h2>{answer ? `Contrôles et admissions du ${formatDate(answer.day)}` : 'Contrôles et admissions du jour'}</h2>
      <div className="desk-day-filters" role="search" aria-label="Filtres du jour">
        <DateField label="Jour (vide : aujourd’hui)" value={day} onChange={setDay} error={load.error?.fields?.day} />
        <SelectField
          label="Résultat"
          value={outcome}
          onChange={(e) => setOutcome(e.target.value as DeskOutcome | '')}
          options={[
            { value: '', label: 'Tous' },
            ...(Object.keys(DESK_OUTCOME_LABELS) as DeskOutcome[]).map((o) => ({ value: o, label: DESK_OUTCOME_LABELS[o] })),
          ]}
        />
        <SelectField
          label="Agent"
          value={agent}
          onChange={(e) => setAgent(e.target.value)}
          options={[{ value: '', label: 'Tous les agents' }, ...agents.map(([login, name]) => ({ value: login, label: name }))]}
        />
        <button type="button" disabled={load.loading} onClick={load.reload}>
          Actualiser
        </button>
      </div>
      <DeskDayCounts counts={deskCounts(byAgent)} />
      <ErrorBanner error={load.error} />
      <DataTable
        label="Contrôles du jour"
        rows={shown}
        columns={cols}
        rowKey={(r) => String(r.id)}
        pageSize={12}
        csvName={`accueil-${answer?.day ?? 'jour'}.csv`}
        empty={load.loading ? 'Chargement…' : 'Aucun contrôle ce jour-là.'}
      />
    </section>
  );
}
