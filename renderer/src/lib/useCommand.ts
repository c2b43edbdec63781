import { useCallback, useReducer, useRef } from 'react';
import type { Api, MethodName } from '../../../shared/api';
import type { InputOf, OutputOf } from '../../../shared/contract/contract';
import type { ApiError } from '../../../shared/contract/result';
import { callMethod } from './bridge';
import { commandReducer, initialCommand } from './call-state';

export interface Command<I, T> {
  /** Runs the method; answers its value, or undefined when it failed (the error is then in `error`). */
  run(input: I): Promise<T | undefined>;
  running: boolean;
  /** The last run's French error; a form shows `error.fields` next to its fields (see `bannerError`). */
  error: ApiError | null;
  /** The last run's value, until the next run or `reset()`. */
  result: T | null;
  /** Forgets the last value and error (a form reopened, a dialog cancelled). */
  reset(): void;
}

/**
 * An action the user starts (a save, a sign-off, an export): the method runs on `run(input)`, never
 * on its own. When runs overlap, the state shows the last one's answer; each promise answers its own.
 */
export function useCommand<N extends MethodName>(method: N): Command<InputOf<Api[N]>, OutputOf<Api[N]>> {
  type T = OutputOf<Api[N]>;
  const [state, dispatch] = useReducer(commandReducer<T>, initialCommand<T>());
  const requests = useRef(0);
  const run = useCallback(
    async (input: InputOf<Api[N]>): Promise<T | undefined> => {
      const request = ++requests.current;
      dispatch({ type: 'start', request });
      const result = await callMethod(method, input);
      dispatch({ type: 'answer', request, result });
      return result.ok ? result.value : undefined;
    },
    [method],
  );
  const reset = useCallback(() => dispatch({ type: 'reset' }), []);
  return { run, running: state.running, error: state.error, result: state.result, reset };
}
