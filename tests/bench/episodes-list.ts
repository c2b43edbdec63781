// Benchmark of the episodes list on a facility-sized database (default 50 000 episodes, 3 lines each).
// Usage: npx tsx tests/bench/episodes-list.ts [--episodes N] [--db postgres://…]   (default: a temp SQLite file)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openCore } from '../../electron/core/app';
import { listEpisodes, type EpisodeFilter } from '../../electron/core/episodes/list';
import { silentLogger } from '../../electron/core/logger';
import { actingAs } from '../../electron/core/service-context';
import { addDays } from '../../shared/lib/dates';
import { EPISODE_TYPES } from '../../shared/domain/episodes';
import { searchKey } from '../../shared/lib/text';

const { values } = parseArgs({ options: { episodes: { type: 'string', default: '50000' }, db: { type: 'string' } } });
const count = Number(values.episodes);
const dir = values.db ? null : mkdtempSync(join(tmpdir(), 'ramed-bench-'));
const core = await openCore({ db: values.db ?? join(dir!, 'bench.db'), log: silentLogger });
const db = core.deps.handle.db;

const FAMILIES = ['Traoré', 'Coulibaly', 'Diarra', 'Keïta', 'Sangaré', 'Dembélé', 'Touré', 'Maïga', 'Sidibé', 'Diallo', 'Konaté', 'Camara'];
const GIVEN = ['Aminata', 'Moussa', 'Fatoumata', 'Sékou', 'Mariam', 'Oumar', 'Kadiatou', 'Ibrahim', 'Awa', 'Bakary', 'Hawa', 'Adama'];
const persons = 5000;

console.log(`Remplissage : ${persons} personnes, ${count} épisodes, ${count * 3} lignes (${core.deps.handle.label})`);
const started = Date.now();
await db.transaction().execute(async (trx) => {
  const tariff = await trx
    .insertInto('reference_import')
    .values({ kind: 'tarifs', file_name: 'bench', sha256: '-', imported_at: 'x', by_login: 'bench', lines: 1, inserted: 1, closed: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const act = await trx
    .insertInto('tariff')
    .values({
      code: 'CS-CUR',
      level: 'cscom',
      label: 'Consultation curative',
      category: 'consultation',
      price: 500,
      effective_from: '2020-01-01',
      ramed_covered: 1,
      caesarean: 0,
      import_id: tariff.id,
      created_at: 'x',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (let i = 0; i < persons; i += 500) {
    await trx
      .insertInto('person')
      .values(
        Array.from({ length: 500 }, (_, k) => ({
          recepisse: String(1000000000000 + i + k),
          family_name: FAMILIES[(i + k) % FAMILIES.length]!,
          given_names: GIVEN[(i + k * 7) % GIVEN.length]!,
          sex: (k % 2 ? 'F' : 'M') as 'F' | 'M',
          birth_date: '1990-01-01',
          birth_year_only: 0 as const,
          quality: 'titulaire' as const,
          in_school: 0 as const,
          disabled: 0 as const,
          status: 'actif' as const,
          created_at: 'x',
          updated_at: 'x',
        })),
      )
      .execute();
  }
  for (let i = 0; i < count; i += 200) {
    const rows = Array.from({ length: Math.min(200, count - i) }, (_, k) => {
      const n = i + k;
      const p = (n * 7919) % persons;
      const day = addDays('2025-01-01', Math.floor((n / count) * 700));
      return {
        number: `EP-${day.slice(0, 4)}-${String(n + 1).padStart(6, '0')}`,
        person_id: p + 1,
        recepisse: String(1000000000000 + p),
        patient_search: searchKey(`${FAMILIES[p % FAMILIES.length]} ${GIVEN[(p * 7) % GIVEN.length]}`),
        type: EPISODE_TYPES[n % EPISODE_TYPES.length]!,
        emergency: 0 as const,
        identity_document: 'recepisse_seul' as const,
        eligibility: '{"eligible":true,"reasons":[],"warnings":[]}',
        status: (n % 10 === 0 ? 'ouvert' : 'clos') as 'ouvert' | 'clos',
        opened_at: `${day}T${String(8 + (n % 9)).padStart(2, '0')}:00:00.000Z`,
        opened_by: 'bench',
        updated_at: 'x',
      };
    });
    const ids = await trx.insertInto('episode').values(rows).returning('id').execute();
    await trx
      .insertInto('prestation')
      .values(
        ids.flatMap(({ id }, k) =>
          [0, 1, 2].map(() => ({
            episode_id: id,
            kind: 'acte' as const,
            tariff_id: act.id,
            code: 'CS-CUR',
            label: 'Consultation curative',
            performed_on: rows[k]!.opened_at.slice(0, 10),
            quantity: 1,
            unit_price: 500,
            amount: 500,
            payer: 'ramed' as const,
            prescriber: 'Dr Sidibé',
            created_at: 'x',
            created_by: 'bench',
          })),
        ),
      )
      .execute();
  }
});
// A database in use has planner statistics; a freshly bulk-loaded one must gather them first.
await sql`analyze`.execute(db);
console.log(`Rempli en ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

const base: EpisodeFilter & { pageIndex: number; pageSize: number } = { sort: 'openedAt', desc: true, pageIndex: 0, pageSize: 15 };
const cases: Array<[string, Partial<typeof base>]> = [
  ['première page, plus récents', {}],
  ['page 2000 (décalage profond)', { pageIndex: 2000 }],
  ['statut ouvert', { status: 'ouvert' }],
  ['un mois, type maternité', { from: '2025-06-01', to: '2025-06-30', type: 'maternite' }],
  ['nom « diarra fatou »', { patient: 'diarra fatou' }],
  ['nom sur un mois', { patient: 'keita', from: '2025-06-01', to: '2025-06-30' }],
  ['récépissé complet', { patient: '1000000001234' }],
  ['début de récépissé', { patient: '10000000012' }],
  ['numéro d’épisode', { patient: 'EP-2025-12345' }],
  ['tri par patient', { sort: 'patient', desc: false }],
];
const reader = actingAs(core.deps, 'bench');
for (const [label, patch] of cases) {
  const times: number[] = [];
  let total = 0;
  for (let run = 0; run < 15; run++) {
    const t = performance.now();
    total = (await listEpisodes(reader, { ...base, ...patch })).total;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(32)} médiane ${times[7]!.toFixed(1).padStart(7)} ms   max ${times.at(-1)!.toFixed(1).padStart(7)} ms   (${total} épisodes)`);
}
await core.close();
if (dir) rmSync(dir, { recursive: true, force: true });
