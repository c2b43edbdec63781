import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/contract/result';
import type { PersonMatch } from '../../../../shared/domain/registry-lookup';
import { useCommand } from '../../lib/useCommand';
import { isName } from './recepisse-text';

/**
 * No wait after a key: the core answers in ~15 ms and only one search is out at a time (keys typed
 * meanwhile are asked together when it answers), so searching at each key costs no more than the
 * 60 ms pause used before, and the list comes a pause sooner.
 */
const SEARCH_DELAY_MS = 0;

/** A list of people and the name it answers. */
export interface NamesFound {
  text: string;
  matches: PersonMatch[];
}

export interface NameSearch {
  /** The last list answered for a name still wanted; null before any, and once cleared. */
  found: NamesFound | null;
  error: ApiError | null;
  /** Forgets the list and the search's error. */
  clear(): void;
}

/**
 * The desk's search by name as it is typed (`typed`, trimmed: searched only when it reads as a name).
 * Not a `useQuery`, which would start a call at each key: here one search is out at a time (ticket
 * #21, docs/performance.md). Keys typed while it runs only change the name wanted; when it answers,
 * the latest name is asked at once, and an answer for a name no longer typed is dropped, never shown.
 */
export function useNameSearch(typed: string, limit: number): NameSearch {
  const search = useCommand('registry.search');
  const { run, reset } = search;
  /** The name the list must answer ('' when none is to be searched); an answer for another is dropped. */
  const wanted = useRef('');
  const searching = useRef(false);
  const [found, setFound] = useState<NamesFound | null>(null);

  const searchWanted = useCallback(async () => {
    if (searching.current) return;
    searching.current = true;
    try {
      while (wanted.current) {
        const asked = wanted.current;
        const answer = await run({ text: asked, limit });
        if (wanted.current !== asked) continue;
        if (answer) setFound({ text: asked, matches: answer });
        break;
      }
    } finally {
      searching.current = false;
    }
  }, [run, limit]);

  useEffect(() => {
    wanted.current = isName(typed) ? typed : '';
    if (!wanted.current) return;
    const timer = setTimeout(() => void searchWanted(), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, searchWanted]);

  const clear = useCallback(() => {
    setFound(null);
    reset();
  }, [reset]);
  return { found, error: search.error, clear };
}
