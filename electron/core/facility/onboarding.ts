import type { Kysely } from 'kysely';
import type { Onboarding, OnboardingItem } from '../../../shared/domain/onboarding';
import { frenchDate } from '../../../shared/lib/dates';
import type { Role } from '../../../shared/domain/roles';
import { folderState } from '../backup/catalog';
import type { Database } from '../db/schema/index';
import type { ServiceContext } from '../context';
import { getSettings } from '../settings/settings';
import { getFacility } from './facility';

/** The demonstration's facility code (electron/core/demo/facility-users.ts). */
export const DEMO_FACILITY_CODE = 'DEMO01';

/** The example files shipped in resources/ are named so; their data is fictitious. */
const ILLUSTRATIVE = /illustratif/i;

const illustrativeWarning = (what: string, file: string) =>
  `${what} vient du fichier d’exemple « ${file} » : données fictives. Importez la liste officielle de l’ANAM.`;

/** The warning for an example file imported into a real facility (the demonstration expects them), or null. */
export async function illustrativeInRealFacility(db: Kysely<Database>, fileName: string): Promise<string | null> {
  if (!ILLUSTRATIVE.test(fileName)) return null;
  const facility = await getFacility(db);
  if (facility?.code === DEMO_FACILITY_CODE) return null;
  return `« ${fileName} » est un fichier d’exemple (« illustratif ») : ses données sont fictives. Importez la liste officielle de l’ANAM avant de soigner des patients.`;
}

async function lastReferenceImport(db: Kysely<Database>, kind: 'tarifs' | 'medicaments') {
  return db
    .selectFrom('reference_import')
    .select(['file_name', 'imported_at', 'inserted'])
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: unknown }> }) => Number((await query.executeTakeFirstOrThrow()).n);

/**
 * Where a facility stands in its setup: each item with its state, read from the database and the
 * settings (nothing is stored for the checklist itself, so it is never out of date).
 */
export async function onboarding(ctx: ServiceContext): Promise<Onboarding> {
  const { db } = ctx;
  const facility = await getFacility(db);
  const demo = facility?.code === DEMO_FACILITY_CODE;
  const warn = (file: string | undefined, what: string) =>
    !demo && file && ILLUSTRATIVE.test(file) ? illustrativeWarning(what, file) : null;

  const persons = await count(db.selectFrom('person').select((eb) => eb.fn.countAll().as('n')));
  const registryImport = await db
    .selectFrom('registry_import')
    .select(['file_name', 'finished_at'])
    .where('status', '=', 'done')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const tariffs = await lastReferenceImport(db, 'tarifs');
  const medicines = await lastReferenceImport(db, 'medicaments');
  const tariffCount = await count(db.selectFrom('tariff').select((eb) => eb.fn.countAll().as('n')));
  const medicineCount = await count(db.selectFrom('medicine').select((eb) => eb.fn.countAll().as('n')));

  const users = await db.selectFrom('app_user').select('roles').where('active', '=', 1).execute();
  const roles = new Set(users.flatMap((u) => u.roles.split(',') as Role[]));
  const missing = (['accueil', 'pharmacie', 'gestionnaire'] as const).filter((r) => !roles.has(r));
  const roleNames = { accueil: 'accueil', pharmacie: 'pharmacie', gestionnaire: 'gestionnaire' } as const;

  const settings = await getSettings(db, ['backup.folder', 'backup.intervalHours', 'anam.endpoint']);
  const folder = settings['backup.folder'];
  const state = folder ? folderState(folder) : 'unset';

  const items: OnboardingItem[] = [
    {
      key: 'registry',
      done: persons > 0,
      detail:
        persons > 0
          ? `${persons} personne(s)${registryImport?.finished_at ? `, dernier import le ${frenchDate(registryImport.finished_at)}` : ''}`
          : 'Aucune personne : la vérification au guichet répondra « absent du registre ».',
      warning: warn(registryImport?.file_name, 'Le registre'),
    },
    {
      key: 'tariffs',
      done: tariffCount > 0,
      detail: tariffs
        ? `${tariffCount} tarif(s), importés le ${frenchDate(tariffs.imported_at)}`
        : 'Aucun tarif : aucun acte ne peut être saisi.',
      warning: warn(tariffs?.file_name, 'La liste des tarifs'),
    },
    {
      key: 'medicines',
      done: medicineCount > 0,
      detail: medicines
        ? `${medicineCount} médicament(s), importés le ${frenchDate(medicines.imported_at)}`
        : 'Aucun médicament : la pharmacie ne peut rien dispenser.',
      warning: warn(medicines?.file_name, 'La liste des médicaments'),
    },
    {
      key: 'users',
      done: missing.length === 0,
      detail:
        missing.length === 0
          ? `${users.length} compte(s) actif(s)`
          : `Aucun compte actif pour : ${missing.map((r) => roleNames[r]).join(', ')}.`,
      warning: null,
    },
    {
      key: 'backup',
      done: state === 'ready',
      detail:
        state === 'unset'
          ? 'Aucun dossier choisi : aucune sauvegarde, ni automatique ni manuelle, ne se fait.'
          : state === 'missing'
            ? `Dossier ${folder} introuvable : branchez la clé USB ou choisissez un autre dossier.`
            : `Dossier ${folder}${settings['backup.intervalHours'] > 0 ? `, toutes les ${settings['backup.intervalHours']} h` : ', sauvegarde automatique désactivée'}`,
      warning: null,
    },
    {
      key: 'anam',
      done: settings['anam.endpoint'] !== '',
      detail: settings['anam.endpoint'] || 'Aucune adresse : les réclamations se remettent sur clé USB.',
      warning: null,
    },
  ];
  return { demo, items };
}
