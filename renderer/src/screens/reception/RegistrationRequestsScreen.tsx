import { useState } from 'react';
import type { RegistrationRequest } from '../../../../shared/domain/reception';
import { formatRecepisse, personName, REASON_LABELS, type ReasonCode } from '../../../../shared/domain/registry';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { downloadFile } from '../../lib/files';
import { formatBirth, formatDate } from '../../lib/format';
import { today } from '../../lib/today';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';

const COLUMNS: DataColumn<RegistrationRequest>[] = [
  { key: 'id', header: 'N°', value: (r) => r.id, kind: 'number', width: '4rem' },
  { key: 'on', header: 'Date', value: (r) => formatDate(r.requestedOn), width: '7rem' },
  { key: 'name', header: 'Nom', value: (r) => personName(r.familyName, r.givenNames) },
  { key: 'birth', header: 'Sexe, naissance', value: (r) => `${r.sex}, ${formatBirth(r.birthDate, r.birthYearOnly)}`, width: '10rem' },
  { key: 'commune', header: 'Commune', value: (r) => r.commune },
  { key: 'phone', header: 'Téléphone', value: (r) => r.phone ?? '', width: '9rem' },
  {
    key: 'recepisse',
    header: 'Récépissé, registre',
    value: (r) =>
      r.recepisse
        ? `${formatRecepisse(r.recepisse)} (${REASON_LABELS[r.registryReason as ReasonCode] ?? r.registryReason ?? ''})`
        : 'aucun',
  },
  {
    key: 'episodes',
    header: 'Urgence hors registre',
    value: (r) => r.episodes.map((e) => `${e.number} : ${e.regularisation}`).join(' '),
    render: (r) =>
      r.episodes.length === 0 ? (
        '—'
      ) : (
        <ul className="plain">
          {r.episodes.map((e) => (
            <li key={e.id}>
              <span className="mono">{e.number}</span> : {e.regularisation}
            </li>
          ))}
        </ul>
      ),
  },
  { key: 'by', header: 'Agent', value: (r) => r.byLogin, width: '7rem' },
];

const NO_REQUESTS: RegistrationRequest[] = [];

/** The requests for registration recorded at the desk over a period; the manager exports them for the social services. */
export function RegistrationRequestsScreen({ canExport, reloadKey }: { canExport: boolean; reloadKey: number }) {
  const [from, setFrom] = useState(() => `${today().slice(0, 8)}01`);
  const [to, setTo] = useState(today);
  const list = useQuery('registration.list', { from, to }, { reloadKey });
  const exported = useCommand('registration.export');
  const rows = list.data ?? NO_REQUESTS;

  const exportCsv = async () => {
    const file = await exported.run({ from, to });
    if (file) downloadFile(file);
  };

  return (
    <section className="card" aria-label="Demandes d’immatriculation">
      <div className="section-head">
        <h2>Demandes d’immatriculation</h2>
        {canExport ? (
          <button type="button" onClick={() => void exportCsv()} disabled={exported.running}>
            Exporter en CSV (services sociaux)
          </button>
        ) : null}
      </div>
      <div className="grid-2">
        <Field
          label="Du (AAAA-MM-JJ)"
          type="date"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          error={list.error?.fields?.from}
        />
        <Field label="Au (AAAA-MM-JJ)" type="date" value={to} onChange={(e) => setTo(e.target.value)} error={list.error?.fields?.to} />
      </div>
      <ErrorBanner error={list.error ?? exported.error} />
      <DataTable
        label="Demandes d’immatriculation de la période"
        rows={rows}
        columns={COLUMNS}
        rowKey={(r) => String(r.id)}
        pageSize={15}
        empty="Aucune demande d’immatriculation sur la période."
      />
    </section>
  );
}
