import { useCallback, useState } from 'react';
import type { ApiError, ApiResult } from '../../../shared/contract/result';

/** Runs a contract call, tracks pending state and keeps the French error for display. */
export function useCall<A extends unknown[], T>(call: (...args: A) => Promise<ApiResult<T>>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(
    async (...args: A): Promise<T | undefined> => {
      setPending(true);
      setError(null);
      try {
        const result = await call(...args);
        if (result.ok) return result.value;
        setError(result.error);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [call],
  );
  return { run, pending, error, setError };
}
