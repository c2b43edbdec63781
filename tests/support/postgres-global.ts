import type { TestProject } from 'vitest/node';
import { postgresAvailable, startTempPostgres } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the run's PostgreSQL server, or null when the suite runs on SQLite only. */
    pgUrl: string | null;
  }
}

/** Starts PostgreSQL once for the whole vitest run so the integration suite runs on both databases. */
export default async function setup(project: TestProject) {
  if (process.env.RAMED_TEST_PG_URL) {
    project.provide('pgUrl', process.env.RAMED_TEST_PG_URL);
    return;
  }
  if (process.env.RAMED_TEST_PG === '0') {
    project.provide('pgUrl', null);
    return;
  }
  if (!postgresAvailable()) {
    if (process.env.CI) throw new Error('PostgreSQL (initdb, pg_ctl) est introuvable : la CI doit tester les deux bases.');
    console.warn('[tests] PostgreSQL introuvable (initdb/pg_ctl) : la suite ne tourne que sur SQLite.');
    project.provide('pgUrl', null);
    return;
  }
  const server = await startTempPostgres();
  project.provide('pgUrl', server.url);
  return () => server.stop();
}
