// Benchmark of the Statistiques dashboard on a hospital-sized history (default 60 000 episodes over
// 2025–2026: 3 act lines, 1 dispensing and 2 desk checks each, a line in twenty cancelled).
// Usage: npx tsx tests/bench/statistics.ts [--episodes N] [--db postgres://…]   (default: a temp SQLite file)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openCore } from '../../electron/core/app';
import { actingAs } from '../../electron/core/service-context';
import { silentLogger } from '../../electron/core/logger';
import { monthlyReport } from '../../electron/core/statistics/monthly-report';
import { statisticsReport } from '../../electron/core/statistics/report';
import { addDays } from '../../shared/lib/dates';
import { EPISODE_TYPES, IDENTITY_DOCUMENTS } from '../../shared/domain/episodes';
import type { StatisticsPeriod } from '../../shared/domain/statistics';

const { values } = parseArgs({ options: { episodes: { type: 'string', default: '60000' }, db: { type: 'string' } } });
const count = Number(values.episodes);
const dir = values.db ? null : mkdtempSync(join(tmpdir(), 'ramed-bench-'));
const core = await openCore({ db: values.db ?? join(dir!, 'bench.db'), log: silentLogger });
const db = core.deps.handle.db;
const persons = Math.max(1000, Math.round(count / 4));
const MEDICINES = ['PARA500C', 'AMOX500G', 'AL2012C', 'SRO', 'FERFOL', 'METRO250', 'CTX480C', 'IBU400C'];
const CATEGORIES = ['consultation', 'laboratoire', 'imagerie', 'hospitalisation'] as const;
const REASONS = ['NOT_FOUND', 'EXPIRED', 'SUSPENDED', 'STRUCK_OFF'];

console.log(`Remplissage : ${persons} personnes, ${count} épisodes sur 2025–2026 (${core.deps.handle.label})`);
const started = Date.now();
await db.transaction().execute(async (trx) => {
  await trx
    .insertInto('facility')
    .values({ id: 1, code: 'H01', name: 'Hôpital de banc d’essai', level: 'hopital', created_at: 'x', updated_at: 'x' })
    .execute();
  for (let i = 0; i < persons; i += 500) {
    await trx
      .insertInto('person')
      .values(
        Array.from({ length: Math.min(500, persons - i) }, (_, k) => ({
          recepisse: String(1000000000000 + i + k),
          family_name: 'Traoré',
          given_names: 'Awa',
          sex: 'F' as const,
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
  const list = await trx
    .insertInto('reference_import')
    .values({ kind: 'tarifs', file_name: 'bench', sha256: '-', imported_at: 'x', by_login: 'bench', lines: 1, inserted: 1, closed: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const tariff = await trx
    .insertInto('tariff')
    .values({ code: 'ACT', level: 'hopital', label: 'Acte', category: 'consultation', price: 500, effective_from: '2020-01-01', ramed_covered: 1, caesarean: 0, import_id: list.id, created_at: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const medicine = await trx
    .insertInto('medicine')
    .values({ code: 'PARA500C', dci: 'Paracétamol', form: 'comprimé', strength: '500 mg', unit: 'comprimé', price: 10, essential: 1, effective_from: '2020-01-01', import_id: list.id, created_at: 'x' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const batches = new Map<string, number>();
  for (const code of MEDICINES) {
    const batch = await trx
      .insertInto('stock_batch')
      .values({
        medicine_code: code,
        lot: `${code}-1`,
        expiry: '2030-01-01',
        unit_cost: 5,
        supplier: 'PPM',
        received_on: '2025-01-01',
        quantity: 1_000_000,
        created_at: 'x',
        created_by: 'bench',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    batches.set(code, batch.id);
    await trx
      .insertInto('stock_movement')
      .values({ batch_id: batch.id, kind: 'reception', quantity: 1_000_000, balance: 1_000_000, at: '2025-01-01T08:00:00.000Z', by_login: 'bench' })
      .execute();
  }
  for (let i = 0; i < count; i += 250) {
    const rows = Array.from({ length: Math.min(250, count - i) }, (_, k) => {
      const n = i + k;
      const p = (n * 7919) % persons;
      const day = addDays('2025-01-01', Math.floor((n / count) * 720));
      return {
        number: `EP-${day.slice(0, 4)}-${String(n + 1).padStart(6, '0')}`,
        person_id: p + 1,
        recepisse: String(1000000000000 + p),
        patient_search: 'traore awa',
        type: EPISODE_TYPES[n % EPISODE_TYPES.length]!,
        emergency: (n % 5 === 1 ? 1 : 0) as 0 | 1,
        identity_document: IDENTITY_DOCUMENTS[n % 5]!,
        identity_matches: 1 as const,
        eligibility: '{"eligible":true,"reasons":[],"warnings":[]}',
        status: 'clos' as const,
        opened_at: `${day}T${String(8 + (n % 9)).padStart(2, '0')}:00:00.000Z`,
        opened_by: 'bench',
        updated_at: 'x',
      };
    });
    const ids = (await trx.insertInto('episode').values(rows).returning('id').execute()).map((r) => r.id);
    const lines = ids.flatMap((id, k) =>
      [0, 1, 2].map((j) => ({
        episode_id: id,
        kind: 'acte' as const,
        tariff_id: tariff.id,
        code: `ACT-${j}`,
        label: 'Acte',
        category: CATEGORIES[(k + j) % CATEGORIES.length]!,
        performed_on: rows[k]!.opened_at.slice(0, 10),
        quantity: 1,
        unit_price: 500,
        amount: 500,
        payer: 'ramed' as const,
        prescriber: 'Dr Sidibé',
        created_at: 'x',
        created_by: 'bench',
      })),
    );
    const lineIds = (await trx.insertInto('prestation').values(lines).returning('id').execute()).map((r) => r.id);
    const cancelled = lineIds.filter((_, j) => j % 20 === 0);
    if (cancelled.length > 0) {
      await trx
        .insertInto('prestation')
        .values(cancelled.map((id, j) => ({ ...lines[lineIds.indexOf(id)]!, quantity: -1, amount: -500, cancels_id: id, reason: `erreur ${j}` })))
        .execute();
    }
    await trx
      .insertInto('dispensation')
      .values(
        ids.map((id, k) => {
          const code = MEDICINES[(i + k) % MEDICINES.length]!;
          return {
            episode_id: id,
            medicine_id: medicine.id,
            medicine_code: code,
            dci: code,
            form: 'comprimé',
            strength: '500 mg',
            quantity: 10,
            unit_price: 10,
            amount: 100,
            dispensed_at: rows[k]!.opened_at,
            dispensed_by: 'bench',
            prescriber: 'Dr Sidibé',
            batch_id: batches.get(code)!,
          };
        }),
      )
      .execute();
    const checks = rows.flatMap((r, k) => [
      { at: r.opened_at, day: r.opened_at.slice(0, 10), by_login: 'bench', kind: 'verification' as const, recepisse: r.recepisse, person_id: r.person_id, eligible: 1 as const, outcome: 'eligible' as const, warnings: '[]' },
      {
        at: r.opened_at,
        day: r.opened_at.slice(0, 10),
        by_login: 'bench',
        kind: 'admission' as const,
        recepisse: r.recepisse,
        person_id: r.person_id,
        eligible: 1 as const,
        outcome: 'admis' as const,
        warnings: '[]',
        identity_document: r.identity_document,
        identity_matches: 1 as const,
        episode_id: ids[k]!,
      },
    ]);
    await trx.insertInto('reception_check').values(checks).execute();
    const refusals = await trx
      .insertInto('reception_check')
      .values(
        rows
          .filter((_, k) => k % 20 === 0)
          .map((r, k) => ({ at: r.opened_at, day: r.opened_at.slice(0, 10), by_login: 'bench', kind: 'verification' as const, recepisse: String(2000000000000 + i + k), person_id: null, eligible: 0 as const, outcome: 'non_eligible' as const, warnings: '[]' })),
      )
      .returning('id')
      .execute();
    await trx
      .insertInto('reception_check_reason')
      .values(refusals.map((r, k) => ({ check_id: r.id, code: REASONS[k % REASONS.length]! })))
      .execute();
  }
});
// A database in use has planner statistics; a freshly bulk-loaded one must gather them first.
await sql`analyze`.execute(db);
console.log(`Rempli en ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

const today = '2026-12-31';
const manager = actingAs(core.deps, 'bench', `${today}T12:00:00.000Z`);
const cases: Array<[string, () => Promise<unknown>]> = [
  ['mois (juin 2026)', () => statisticsReport(manager, { kind: 'month', month: '2026-06' } satisfies StatisticsPeriod)],
  ['année 2026', () => statisticsReport(manager, { kind: 'year', year: 2026 })],
  ['rapport mensuel PDF (juin 2026)', () => monthlyReport(manager, { month: '2026-06' })],
];
for (const [label, run] of cases) {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(34)} médiane ${times[3]!.toFixed(0).padStart(6)} ms   max ${times.at(-1)!.toFixed(0).padStart(6)} ms`);
}
const june = await statisticsReport(manager, { kind: 'month', month: '2026-06' });
console.log(`\n(juin 2026 : ${june.episodes} épisodes, ${june.patients.seen} patients, ${june.eligibility.refused} refus)`);
await core.close();
if (dir) rmSync(dir, { recursive: true, force: true });
