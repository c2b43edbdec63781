import { useState } from 'react';
import { useCommand } from '../../../lib/useCommand';

/** Rebuilds the month's draft as a long job: its id while it runs (for the progress bar), then the version built. */
export function useRebuild(month: string, onBuilt: (version: number) => void) {
  const build = useCommand('claims.build');
  const [jobId, setJobId] = useState<string | null>(null);
  async function rebuild() {
    const id = crypto.randomUUID();
    setJobId(id);
    const built = await build.run({ month, jobId: id });
    setJobId(null);
    if (built) onBuilt(built.version);
  }
  return { jobId, error: build.error, rebuild };
}
