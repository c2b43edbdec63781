import type { ApiError, ApiResult } from '../../../shared/contract/result';

/**
 * What a screen knows of a contract call, as plain data: the reducers behind `useQuery` and
 * `useCommand`, pure so that their rules (which answer wins, what an error keeps) are tested by tables.
 * Each call carries a number; only the answer to the last one started changes the state.
 */

/** A query's state: its data answers the input `key` (canonical JSON); null before any answer. */
export interface QueryState<T> {
  key: string | null;
  data: T | null;
  error: ApiError | null;
  loading: boolean;
  /** The call whose answer is awaited: the answer to an older one is stale and ignored. */
  request: number;
}

export type QueryAction<T> =
  /** A call starts for `key`; `keepPrevious` shows another input's data until the answer comes. */
  | { type: 'start'; request: number; key: string; keepPrevious: boolean }
  | { type: 'answer'; request: number; key: string; result: ApiResult<T> }
  /** The screen already has the new data (a command answered it): no call needed. */
  | { type: 'set'; data: T }
  /** The query is switched off: a call still under way no longer counts; nothing shown unless `keepPrevious`. */
  | { type: 'off'; request: number; keepPrevious: boolean };

export const initialQuery = <T>(): QueryState<T> => ({ key: null, data: null, error: null, loading: false, request: 0 });

export function queryReducer<T>(state: QueryState<T>, action: QueryAction<T>): QueryState<T> {
  switch (action.type) {
    case 'start': {
      const same = state.key === action.key || action.keepPrevious;
      return {
        ...state,
        data: same ? state.data : null,
        key: same ? state.key : null,
        error: null,
        loading: true,
        request: action.request,
      };
    }
    case 'answer': {
      if (action.request !== state.request) return state;
      if (action.result.ok) return { ...state, key: action.key, data: action.result.value, error: null, loading: false };
      // A failed reload keeps what was shown; data of another input is not kept under an error.
      const keep = state.key === action.key;
      return { ...state, key: keep ? state.key : null, data: keep ? state.data : null, error: action.result.error, loading: false };
    }
    case 'set':
      return { ...state, data: action.data };
    case 'off':
      return action.keepPrevious
        ? { ...state, error: null, loading: false, request: action.request }
        : { ...initialQuery<T>(), request: action.request };
  }
}

/** A command's state: running, and the last answer (its value or its French error). */
export interface CommandState<T> {
  running: boolean;
  result: T | null;
  error: ApiError | null;
  request: number;
}

export type CommandAction<T> =
  | { type: 'start'; request: number }
  | { type: 'answer'; request: number; result: ApiResult<T> }
  /** Forget the last answer (a dialog reopened, a new attempt about to be asked). */
  | { type: 'reset' };

export const initialCommand = <T>(): CommandState<T> => ({ running: false, result: null, error: null, request: 0 });

export function commandReducer<T>(state: CommandState<T>, action: CommandAction<T>): CommandState<T> {
  switch (action.type) {
    case 'start':
      return { running: true, result: null, error: null, request: action.request };
    case 'answer':
      if (action.request !== state.request) return state;
      return action.result.ok
        ? { ...state, running: false, result: action.result.value, error: null }
        : { ...state, running: false, result: null, error: action.result.error };
    case 'reset':
      return { ...state, result: null, error: null };
  }
}
