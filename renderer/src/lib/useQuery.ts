import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { Api, MethodName } from '../../../shared/api';
import type { InputOf, OutputOf } from '../../../shared/contract/contract';
import type { ApiError } from '../../../shared/contract/result';
import { canonicalJson } from '../../../shared/lib/canonical-json';
import { callMethod } from './bridge';
import { initialQuery, queryReducer } from './call-state';
import { onRefreshEvents, type RefreshEvent } from './refresh-events';

export interface QueryOptions {
  /** Asks again when one of these happens (`'outbox.changed'`, or a back-end event type). */
  refreshOn?: readonly RefreshEvent[];
  /** Asks again whenever this value changes (compared with Object.is): a counter, another query's data. */
  reloadKey?: unknown;
  /** False: no call, no data (an input not complete yet, a version that has nothing to show). Default true. */
  enabled?: boolean;
  /** Shows the data of the previous input while the new one loads, or while switched off (default: nothing). */
  keepPrevious?: boolean;
}

export interface Query<T> {
  /** The answer for the current input; kept during a reload, and after a reload that failed. */
  data: T | null;
  /** The last call's French error (`fields` for errors tied to an input field). */
  error: ApiError | null;
  loading: boolean;
  /** Asks again with the same input. */
  reload(): void;
  /** Replaces the data with what a command answered, without asking. */
  setData(data: T): void;
}

/**
 * The data a screen shows, read through a contract method: called when mounted and whenever the
 * input changes (compared by content, so an object literal is fine), on `reload()` and on the
 * `refreshOn` events. One answer counts at a time: an answer to an older input or call is ignored.
 */
export function useQuery<N extends MethodName>(method: N, input: InputOf<Api[N]>, options: QueryOptions = {}): Query<OutputOf<Api[N]>> {
  type T = OutputOf<Api[N]>;
  const { refreshOn, reloadKey, enabled = true, keepPrevious = false } = options;
  const [state, dispatch] = useReducer(queryReducer<T>, initialQuery<T>());
  const [asked, setAsked] = useState(0);
  const requests = useRef(0);
  const key = canonicalJson(input ?? {});

  useEffect(() => {
    const request = ++requests.current;
    if (!enabled) {
      dispatch({ type: 'off', request, keepPrevious });
      return;
    }
    dispatch({ type: 'start', request, key, keepPrevious });
    void callMethod(method, JSON.parse(key) as InputOf<Api[N]>).then((result) => dispatch({ type: 'answer', request, key, result }));
  }, [method, key, enabled, keepPrevious, reloadKey, asked]);

  const reload = useCallback(() => setAsked((n) => n + 1), []);
  const events = refreshOn?.join(' ') ?? '';
  useEffect(() => {
    if (!events) return;
    return onRefreshEvents(events.split(' ') as RefreshEvent[], reload);
  }, [events, reload]);

  const setData = useCallback((data: T) => dispatch({ type: 'set', data }), []);
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}
