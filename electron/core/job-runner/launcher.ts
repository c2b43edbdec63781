import type { JobLauncherFactory } from '../context';
import { runJob } from './run-job';

export const inlineJobs: JobLauncherFactory = () => ({
  run: (deps, kind, input, hooks) => runJob(deps, kind, input, hooks),
  close: async () => {},
});
