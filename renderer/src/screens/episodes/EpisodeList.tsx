import type { EpisodeListRow, EpisodeSort } from '../../../../shared/domain/episodes';
import { DataTable } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { downloadFile } from '../../lib/files';
import { formatFcfa, formatNumber } from '../../lib/format';
import { useCommand } from '../../lib/useCommand';
import { useQuery } from '../../lib/useQuery';
import { EPISODE_COLUMNS } from './episode-columns';
import { EpisodeFilters } from './EpisodeFilters';
import { useEpisodeSelection } from './useEpisodeSelection';

const PAGE_SIZE = 15;
const SORTABLE: readonly EpisodeSort[] = ['openedAt', 'number', 'patient', 'type', 'status'];
const NO_ROWS: EpisodeListRow[] = [];

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
  const shown = useEpisodeSelection(ids);
  const { selection, pageIndex } = shown;
  // Another page or filter keeps the rows shown until it answers.
  const list = useQuery('episodes.list', { ...selection, pageIndex, pageSize: PAGE_SIZE }, { reloadKey, keepPrevious: true });
  const exporter = useCommand('episodes.export');
  const total = list.data?.total ?? 0;

  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      <EpisodeFilters
        filter={shown.filter}
        patient={shown.patient}
        fields={list.error?.fields ?? {}}
        canExport={total > 0}
        exporting={exporter.running}
        onPatient={shown.setPatient}
        onChange={shown.change}
        onClear={shown.clear}
        onExport={() => void exporter.run(selection).then((file) => file && downloadFile(file))}
      />
      <ErrorBanner error={list.error ?? exporter.error} />
      {list.data && total > 0 ? (
        <p className="muted">
          Total de ces {formatNumber(total)} épisode(s) : <strong>{formatFcfa(list.data.ramedTotal)}</strong> à la charge du RAMED (actes et
          médicaments)
        </p>
      ) : null}
      <DataTable
        label="Épisodes"
        rows={list.data?.rows ?? NO_ROWS}
        columns={EPISODE_COLUMNS}
        rowKey={(r) => String(r.id)}
        onRowActivate={(r) => onOpen(r.id)}
        empty={list.loading ? 'Chargement…' : 'Aucun épisode ne correspond à ces filtres.'}
        server={{
          total,
          pageIndex,
          pageSize: PAGE_SIZE,
          onPageChange: shown.setPageIndex,
          sort: { ...shown.sort, sortable: SORTABLE, onSortChange: (key) => shown.sortBy(key as EpisodeSort) },
        }}
      />
    </section>
  );
}
