import { useCallback, useState } from 'react';
import { ok, type ApiError, type ApiResult } from '../../../shared/contract/result';
import type { UploadKind } from '../../../shared/contract/uploads';
import { registerFile } from './files';

/** The references an import method takes: its file, and the detached signature when one was chosen. */
export interface ImportFileRefs {
  file: string;
  signature?: string;
}

async function registerImportFiles(file: File, kind: UploadKind, signature: File | null): Promise<ApiResult<ImportFileRefs>> {
  const registered = await registerFile(file, kind);
  if (!registered.ok || !signature) return registered.ok ? ok({ file: registered.value.ref }) : registered;
  const signed = await registerFile(signature, 'signature');
  return signed.ok ? ok({ file: registered.value.ref, signature: signed.value.ref }) : signed;
}

/**
 * Hands the files chosen for an import (a list, the registry, an ANAM answer, and a signature) to
 * the back end before the import method runs: `run` answers their references, or undefined with `error` set.
 */
export function useImportUpload() {
  const [state, setState] = useState<{ running: boolean; error: ApiError | null }>({ running: false, error: null });
  const run = useCallback(async (file: File, kind: UploadKind, signature: File | null = null) => {
    setState({ running: true, error: null });
    const result = await registerImportFiles(file, kind, signature);
    setState({ running: false, error: result.ok ? null : result.error });
    return result.ok ? result.value : undefined;
  }, []);
  return { run, running: state.running, error: state.error };
}
