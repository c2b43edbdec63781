import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ClaimSummary } from '../../../../shared/domain/claims';
import { CLAIM_STATUS_LABELS } from '../../../../shared/domain/claims';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { JobProgressBar } from '../../components/JobProgressBar';
import { ramed } from '../../lib/bridge';
import { formatDateTime, formatMonth } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { ClaimStatusBadge } from './ClaimStatusBadge';

/** The month before today's: the one a manager claims at the start of a month. */
function previousMonth(): string {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return first.toISOString().slice(0, 7);
}

const COLUMNS: DataColumn<ClaimSummary>[] = [
  { key: 'month', header: 'Mois', value: (c) => c.month, render: (c) => <strong>{formatMonth(c.month)}</strong>, width: '10rem' },
  { key: 'version', header: 'Version', value: (c) => c.version, kind: 'number', width: '5.5rem' },
  {
    key: 'status',
    header: 'Statut',
    value: (c) => CLAIM_STATUS_LABELS[c.status],
    render: (c) => <ClaimStatusBadge status={c.status} />,
    width: '12rem',
  },
  { key: 'episodes', header: 'Épisodes', value: (c) => c.episodes, kind: 'number', width: '6.5rem' },
  { key: 'total', header: 'Total RAMED', value: (c) => c.total, kind: 'money', width: '10rem' },
  { key: 'builtAt', header: 'Construite', value: (c) => `${formatDateTime(c.builtAt)} (${c.builtBy})` },
  { key: 'signedAt', header: 'Signée', value: (c) => (c.signedAt ? `${formatDateTime(c.signedAt)} (${c.signedBy})` : null) },
  {
    key: 'sha256',
    header: 'Empreinte',
    value: (c) => c.sha256,
    render: (c) => (c.sha256 ? <span className="mono">{c.sha256.slice(0, 12)}…</span> : '—'),
    width: '9rem',
  },
];

/** Every version of every month, newest first; building a month runs as a job that can be cancelled. */
export function ClaimList({ onOpen, reloadKey }: { onOpen(month: string): void; reloadKey: number }) {
  const [claims, setClaims] = useState<ClaimSummary[] | null>(null);
  const [month, setMonth] = useState(previousMonth);
  const [jobId, setJobId] = useState<string | null>(null);
  const list = useCall(ramed.claims.list);
  const build = useCall(ramed.claims.build);
  const runList = list.run;
  const reload = useCallback(() => void runList({}).then((v) => v && setClaims(v)), [runList]);
  useEffect(reload, [reload, reloadKey]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const id = crypto.randomUUID();
    setJobId(id);
    const built = await build.run({ month, jobId: id });
    setJobId(null);
    reload();
    if (built) onOpen(built.month);
  }

  return (
    <div className="stack">
      <form className="card" onSubmit={submit} noValidate aria-label="Construire une réclamation">
        <h2>Construire la réclamation d’un mois</h2>
        <p className="muted section-intro">
          Réunit les épisodes clos du mois qu’aucune réclamation ne porte encore ; reconstruire un brouillon ne change rien si rien n’a
          changé.
        </p>
        <div className="build-row">
          <Field
            label="Mois (AAAA-MM)"
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            error={build.error?.fields?.month}
            inputMode="numeric"
            placeholder="2026-10"
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
          onRowActivate={(c) => onOpen(c.month)}
          empty={claims ? 'Aucune réclamation : construisez celle du mois écoulé.' : 'Chargement…'}
        />
      </section>
    </div>
  );
}
