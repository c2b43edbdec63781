import { useState, type FormEvent } from 'react';
import type { ClaimListRow } from '../../../../shared/domain/claim-responses';
import { CLAIM_STATUS_LABELS } from '../../../../shared/domain/claims';
import { claimedInTotal } from '../../../../shared/rules/claim-list-totals';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { MonthField } from '../../components/MonthField';
import { JobProgressBar } from '../../components/JobProgressBar';
import { formatDate, formatMonth } from '../../lib/format';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';
import { monthsAgo } from '../../lib/months-ago';
import { focusUnreadField } from '../../lib/unreadFields';
import { ClaimStatusBadge } from './ClaimStatusBadge';

const money = (pick: (f: NonNullable<ClaimListRow['followUp']>) => number) => (c: ClaimListRow) => (c.followUp ? pick(c.followUp) : null);

/** What the version is beside the month's claim: a resubmission, or replaced before it left. */
function versionNote(c: ClaimListRow): string | null {
  if (c.followUp?.resubmitsVersion) return `resoumission de v${c.followUp.resubmitsVersion}`;
  if (c.followUp?.supersededByVersion) return `remplacée par v${c.followUp.supersededByVersion}`;
  return null;
}

const COLUMNS: DataColumn<ClaimListRow>[] = [
  {
    key: 'month',
    header: 'Mois',
    value: (c) => c.month,
    render: (c) => <strong className="nowrap">{formatMonth(c.month)}</strong>,
    width: '10rem',
  },
  {
    key: 'version',
    header: 'Version',
    value: (c) => [`v${c.version}`, versionNote(c)].filter(Boolean).join(' – '),
    render: (c) => (
      <>
        v{c.version}
        {versionNote(c) ? <small className="line-note">{versionNote(c)}</small> : null}
      </>
    ),
    width: '8.5rem',
  },
  {
    key: 'status',
    header: 'Statut',
    value: (c) => CLAIM_STATUS_LABELS[c.status],
    render: (c) => <ClaimStatusBadge status={c.status} />,
    width: '11rem',
  },
  { key: 'total', header: 'Réclamé', value: (c) => c.total, kind: 'money', total: claimedInTotal, width: '8.5rem' },
  {
    key: 'accepted',
    header: 'Accepté',
    // Nothing answered yet is not « 0 accepted ».
    value: (c) => (c.followUp && c.followUp.answered > 0 ? c.followUp.accepted : null),
    kind: 'money',
    total: true,
    width: '8.5rem',
  },
  { key: 'paid', header: 'Payé', value: money((f) => f.paid), kind: 'money', total: true, width: '8.5rem' },
  { key: 'outstanding', header: 'Reste à payer', value: money((f) => f.outstanding), kind: 'money', total: true, width: '10rem' },
  { key: 'sentAt', header: 'Envoyée le', value: (c) => (c.followUp?.sentAt ? formatDate(c.followUp.sentAt) : null), width: '7rem' },
  {
    key: 'days',
    header: 'Délai',
    value: (c) => c.followUp?.daysSinceSent ?? null,
    kind: 'number',
    render: (c) =>
      c.followUp?.daysSinceSent === null || c.followUp?.daysSinceSent === undefined ? (
        '—'
      ) : c.followUp.overdue ? (
        <span className="badge badge-claim-rejetee" title="Impayée au-delà du délai réglé (Administration › Paramètres)">
          {c.followUp.daysSinceSent} j, en retard
        </span>
      ) : (
        `${c.followUp.daysSinceSent} j`
      ),
    width: '8rem',
  },
];

/**
 * Every version of every month, newest first, with what the ANAM accepted, paid and still owes and
 * how long ago it was sent (highlighted past the setting); building a month runs as a job.
 */
export function ClaimList({ onOpen, reloadKey }: { onOpen(month: string, version?: number): void; reloadKey: number }) {
  const [month, setMonth] = useState(() => monthsAgo(1)); // what a manager claims early in a month
  const [earlyReason, setEarlyReason] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const list = useQuery('claims.list', {}, { reloadKey });
  const build = useCommand('claims.build');
  const claims = list.data;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (focusUnreadField(event.currentTarget)) return;
    const id = crypto.randomUUID();
    setJobId(id);
    const built = await build.run({ month, jobId: id, ...(earlyReason.trim() ? { earlyReason } : {}) });
    setJobId(null);
    list.reload();
    if (built) onOpen(built.month);
  }

  return (
    <div className="stack">
      <form className="card" onSubmit={submit} noValidate aria-label="Construire une réclamation">
        <h2>Construire la réclamation d’un mois</h2>
        <p className="muted section-intro">
          Réunit les épisodes clos du mois qu’aucune réclamation ne porte encore ; reconstruire un brouillon ne change rien si rien n’a
          changé. Un mois se construit une fois terminé (le dernier jour, avec un motif) ; un épisode clos après l’envoi de son mois va dans
          la réclamation suivante, marqué « clôture tardive ».
        </p>
        <div className="build-row">
          <MonthField
            label="Mois (MM/AAAA)"
            value={month}
            onChange={setMonth}
            error={build.error?.fields?.month}
            disabled={jobId !== null}
          />
          <Field
            label="Motif, si le mois n’est pas fini (son dernier jour seulement)"
            value={earlyReason}
            onChange={(e) => setEarlyReason(e.target.value)}
            error={build.error?.fields?.earlyReason}
            placeholder="ex. Clôture de l’exercice"
            disabled={jobId !== null}
          />
          {jobId ? null : (
            <button type="submit" className="primary">
              Construire
            </button>
          )}
        </div>
        {jobId ? <JobProgressBar key={jobId} jobId={jobId} label="Construction de la réclamation" /> : null}
        {build.error && !build.error.fields?.month ? <ErrorBanner error={build.error} /> : null}
      </form>
      <section className="card" aria-labelledby="claims-list">
        <h2 id="claims-list">Réclamations</h2>
        <ErrorBanner error={list.error} />
        <DataTable
          label="Réclamations mensuelles"
          rows={claims ?? []}
          columns={COLUMNS}
          rowKey={(c) => String(c.id)}
          csvName="reclamations.csv"
          onRowActivate={(c) => onOpen(c.month, c.version)}
          empty={claims ? 'Aucune réclamation : construisez celle du mois écoulé.' : 'Chargement…'}
        />
        <p className="muted">
          Ligne Total : « Réclamé » compte chaque mois une fois (ni brouillon, ni version remplacée, ni resoumission) ; accepté, payé et
          reste à payer s’additionnent sur toutes les versions.
        </p>
      </section>
    </div>
  );
}
