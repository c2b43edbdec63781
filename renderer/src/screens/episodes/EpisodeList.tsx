import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  EPISODE_STATUS_LABELS,
  EPISODE_STATUSES,
  EPISODE_TYPE_LABELS,
  EPISODE_TYPES,
  type EpisodeListRow,
  type EpisodeSort,
  type EpisodeStatus,
  type EpisodeType,
} from '../../../../shared/domain/episodes';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field, SelectField } from '../../components/Field';
import { ramed } from '../../lib/bridge';
import { downloadFile } from '../../lib/files';
import { formatDateTime, formatFcfa, formatNumber } from '../../lib/format';
import { useCall } from '../../lib/useCall';
import { StatusBadge } from './StatusBadge';
import { formatRecepisse } from '../../../../shared/domain/registry';

const PAGE_SIZE = 15;
const SORTABLE: readonly EpisodeSort[] = ['openedAt', 'number', 'patient', 'type', 'status'];

const COLUMNS: DataColumn<EpisodeListRow>[] = [
  {
    key: 'number',
    header: 'N° d’épisode',
    value: (r) => r.number,
    render: (r) => <span className="mono nowrap">{r.number}</span>,
    width: '9.5rem',
  },
  {
    key: 'openedAt',
    header: 'Ouvert le',
    value: (r) => formatDateTime(r.openedAt),
    render: (r) => <span className="nowrap">{formatDateTime(r.openedAt)}</span>,
    width: '9.5rem',
  },
  { key: 'patient', header: 'Patient', value: (r) => r.patientName },
  {
    key: 'recepisse',
    header: 'Récépissé',
    value: (r) => formatRecepisse(r.recepisse),
    render: (r) => <span className="mono nowrap">{formatRecepisse(r.recepisse)}</span>,
    width: '9.5rem',
  },
  {
    key: 'type',
    header: 'Type',
    value: (r) => EPISODE_TYPE_LABELS[r.type] + (r.emergency && r.type !== 'urgence' ? ' (urgence)' : ''),
    width: '12rem',
  },
  {
    key: 'status',
    header: 'Statut',
    value: (r) => EPISODE_STATUS_LABELS[r.status],
    render: (r) => <StatusBadge status={r.status} />,
    width: '6rem',
  },
  { key: 'activeLines', header: 'Actes', value: (r) => r.activeLines, kind: 'number', width: '4.5rem' },
  { key: 'activeMedicines', header: 'Médic.', value: (r) => r.activeMedicines, kind: 'number', width: '4.5rem' },
  { key: 'ramedTotal', header: 'Total RAMED', value: (r) => r.ramedTotal, kind: 'money', width: '8.5rem' },
];

interface Filters {
  from: string;
  to: string;
  status: EpisodeStatus | '';
  type: EpisodeType | '';
  patient: string;
}
const NO_FILTERS: Filters = { from: '', to: '', status: '', type: '', patient: '' };

/**
 * Episodes of the facility, filtered, sorted and paged by the server. Self-contained: the
 * reception screen can embed it and open an episode through `onOpen`.
 */
export function EpisodeList({
  onOpen,
  reloadKey = 0,
  ids,
  title = 'Épisodes de soins',
}: {
  onOpen(id: number): void;
  reloadKey?: number;
  /** Only these episodes (a row of the « Contrôle des abus »): the filters narrow them further. */
  ids?: readonly number[] | undefined;
  title?: string;
}) {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [patient, setPatient] = useState('');
  const [sort, setSort] = useState<{ key: EpisodeSort; desc: boolean }>({ key: 'openedAt', desc: true });
  const [pageIndex, setPageIndex] = useState(0);
  const [page, setPage] = useState<{ rows: EpisodeListRow[]; total: number; ramedTotal: number }>({ rows: [], total: 0, ramedTotal: 0 });
  const list = useCall(ramed.episodes.list);
  const exporter = useCall(ramed.episodes.export);
  const load = list.run;

  // The name is typed letter by letter: ask the server once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => {
      setFilters((f) => (f.patient === patient ? f : { ...f, patient }));
      setPageIndex(0);
    }, 300);
    return () => clearTimeout(timer);
  }, [patient]);

  const selection = useMemo(
    () => ({
      from: filters.from || undefined,
      to: filters.to || undefined,
      status: filters.status || undefined,
      type: filters.type || undefined,
      patient: filters.patient.trim() || undefined,
      ids: ids ? [...ids] : undefined,
      sort: sort.key,
      desc: sort.desc,
    }),
    [filters, sort, ids],
  );
  const query = useMemo(() => ({ ...selection, pageIndex, pageSize: PAGE_SIZE }), [selection, pageIndex]);
  useEffect(() => {
    void load(query).then((value) => value && setPage(value));
  }, [load, query, reloadKey]);

  const change = useCallback((patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPageIndex(0);
  }, []);
  const fields = list.error?.fields ?? {};

  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      <div className="filters" role="search" aria-label="Filtres des épisodes">
        <Field
          label="Patient"
          type="search"
          placeholder="Nom, récépissé ou n° d’épisode"
          value={patient}
          onChange={(e) => setPatient(e.target.value)}
          error={fields.patient}
          autoFocus
        />
        <DateField label="Ouverts du" value={filters.from} onChange={(from) => change({ from })} error={fields.from} />
        <DateField label="au" value={filters.to} onChange={(to) => change({ to })} error={fields.to} />
        <SelectField
          label="Statut"
          value={filters.status}
          onChange={(e) => change({ status: e.target.value as Filters['status'] })}
          options={[{ value: '', label: 'Tous' }, ...EPISODE_STATUSES.map((s) => ({ value: s, label: EPISODE_STATUS_LABELS[s] }))]}
        />
        <SelectField
          label="Type"
          value={filters.type}
          onChange={(e) => change({ type: e.target.value as Filters['type'] })}
          options={[{ value: '', label: 'Tous' }, ...EPISODE_TYPES.map((t) => ({ value: t, label: EPISODE_TYPE_LABELS[t] }))]}
        />
        <button
          type="button"
          onClick={() => {
            setPatient('');
            change(NO_FILTERS);
          }}
        >
          Effacer les filtres
        </button>
        <button
          type="button"
          disabled={page.total === 0 || exporter.pending}
          onClick={() => void exporter.run(selection).then((file) => file && downloadFile(file))}
        >
          {exporter.pending ? 'Export…' : 'Exporter en CSV'}
        </button>
      </div>
      <ErrorBanner error={list.error ?? exporter.error} />
      {page.total > 0 ? (
        <p className="muted">
          Total de ces {formatNumber(page.total)} épisode(s) : <strong>{formatFcfa(page.ramedTotal)}</strong> à la charge du RAMED (actes et
          médicaments)
        </p>
      ) : null}
      <DataTable
        label="Épisodes"
        rows={page.rows}
        columns={COLUMNS}
        rowKey={(r) => String(r.id)}
        onRowActivate={(r) => onOpen(r.id)}
        empty={list.pending ? 'Chargement…' : 'Aucun épisode ne correspond à ces filtres.'}
        server={{
          total: page.total,
          pageIndex,
          pageSize: PAGE_SIZE,
          onPageChange: setPageIndex,
          sort: {
            ...sort,
            sortable: SORTABLE,
            onSortChange: (key) => {
              setSort((s) => ({ key: key as EpisodeSort, desc: s.key === key ? !s.desc : key === 'openedAt' }));
              setPageIndex(0);
            },
          },
        }}
      />
    </section>
  );
}
