import type { CoreDeps } from '../context';
import { thisHolder } from '../registry/import-holder';
import type { JobKind } from './job-kinds';

/**
 * What the host records when a job's worker died without a word (a native crash, out of memory,
 * terminated): the job's own rows must not look alive, and the same work must be able to continue.
 */
export const AFTER_CRASH: { [K in JobKind]: { record(deps: CoreDeps): Promise<void>; message: string } } = {
  // The dead worker's import still says « running », held by this very process (worker threads
  // share its pid), so no one could take it over before its heartbeat went stale. Recorded as
  // stopped instead: the same file continues it at once, from the last committed batch.
  'registry.import': {
    async record(deps) {
      await deps.handle.db
        .updateTable('registry_import')
        .set({ status: 'cancelled', message: IMPORT_CRASH_HISTORY, heartbeat_at: deps.clock.now().toISOString() })
        .where('status', '=', 'running')
        .where('holder', '=', thisHolder())
        .execute();
    },
    message:
      'Import interrompu : le traitement qui l’exécutait s’est arrêté. Relancez le même fichier : l’import reprendra où il s’est arrêté.',
  },
  // Built in one transaction, which the dead connection rolled back: the claim is as it was.
  'claims.build': {
    record: async () => {},
    message: 'La construction de la réclamation s’est arrêtée avant la fin : la réclamation est restée comme avant. Relancez-la.',
  },
  'claims.export': {
    record: async () => {},
    message: 'L’export de la réclamation s’est arrêté avant la fin. Relancez-le.',
  },
};

/** What the import history says of it. */
export const IMPORT_CRASH_HISTORY =
  'Interrompu : le traitement de l’import s’est arrêté. Relancez le même fichier : l’import reprendra où il s’est arrêté.';
