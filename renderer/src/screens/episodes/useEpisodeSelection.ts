import { useCallback, useEffect, useState } from 'react';
import type { EpisodeSort } from '../../../../shared/domain/episodes';
import { NO_FILTER, type EpisodeFilter } from './EpisodeFilters';

/**
 * What the list of episodes shows: its filter, its order and its page. Any change of filter or
 * order goes back to the first page; the patient's name is taken once typing pauses.
 */
export function useEpisodeSelection(ids: readonly number[] | undefined) {
  const [filter, setFilter] = useState<EpisodeFilter>(NO_FILTER);
  const [patient, setPatient] = useState('');
  const [sort, setSort] = useState<{ key: EpisodeSort; desc: boolean }>({ key: 'openedAt', desc: true });
  const [pageIndex, setPageIndex] = useState(0);

  // The name is typed letter by letter: ask the server once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => {
      setFilter((f) => (f.patient === patient ? f : { ...f, patient }));
      setPageIndex(0);
    }, 300);
    return () => clearTimeout(timer);
  }, [patient]);

  const change = useCallback((patch: Partial<EpisodeFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setPageIndex(0);
  }, []);
  const clear = () => {
    setPatient('');
    change(NO_FILTER);
  };
  /** The same column again reverses the order; another starts newest first for a date, A to Z otherwise. */
  const sortBy = (key: EpisodeSort) => {
    setSort((s) => ({ key, desc: s.key === key ? !s.desc : key === 'openedAt' }));
    setPageIndex(0);
  };

  /** The episodes selected, as `episodes.list` and `episodes.export` take them. */
  const selection = {
    from: filter.from || undefined,
    to: filter.to || undefined,
    status: filter.status || undefined,
    type: filter.type || undefined,
    patient: filter.patient.trim() || undefined,
    ids: ids ? [...ids] : undefined,
    sort: sort.key,
    desc: sort.desc,
  };
  return { filter, patient, setPatient, change, clear, sort, sortBy, pageIndex, setPageIndex, selection };
}
