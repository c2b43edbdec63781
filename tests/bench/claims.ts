import { jsPDF } from 'jspdf';
import type { Kysely } from 'kysely';
import { openCore, type Core } from '../../electron/core/app';
import { fixedClock } from '../../electron/core/clock';
import type { Database } from '../../electron/core/db/schema/index';
import type { DemoContext } from '../../electron/core/demo/demo';
import { demoFacilityAndUsers } from '../../electron/core/demo/facility-users';
import { demoReference } from '../../electron/core/demo/reference';
import { needsHolder } from '../../shared/rules/eligibility';
import { eligibilityOnDate } from '../../electron/core/claims/eligibility';
import { silentLogger } from '../../electron/core/logger';
import { checkRow, checkHeader, FILE_COLUMNS, type FileHeader } from '../../electron/core/registry/registry-row';
import { addDays } from '../../shared/lib/dates';
import type { ClaimView } from '../../shared/domain/claims';
import type { EpisodeType } from '../../shared/domain/episodes';
import type { GeneratedFile } from '../../shared/contract/files';
import { monthBounds } from '../../shared/lib/months';
import { searchKey } from '../../shared/lib/text';
import { PROGRAMME_PAYER } from '../../shared/rules/pricing';
import { generateRegistry } from '../support/registry-generator';
import { BareSqlite } from './bare-sqlite';
import { removeDatabase } from './processes';
import type { Measure } from './report';
import { call, signedIn } from './session';
import { seededRandom } from '../../shared/lib/seeded-random';

/** A CSCOM's month, roughly in proportion: acts (code, quantity) and medicines (code, units). */
const SCENARIOS: Array<{ type: EpisodeType; weight: number; acts: Array<[string, number]>; medicines: Array<[string, number]>; stay: number }> = [
  { type: 'consultation_externe', weight: 40, acts: [['CS-CUR', 1], ['LB-TDR', 1]], medicines: [['AL2012C', 1], ['PARA500C', 10]], stay: 0 },
  { type: 'consultation_externe', weight: 15, acts: [['CS-CUR', 1], ['LB-GE', 1], ['LB-HB', 1]], medicines: [['AMOX500G', 15]], stay: 0 },
  { type: 'urgence', weight: 10, acts: [['CS-URG', 1], ['LB-GE', 1], ['SO-PERF', 1], ['HO-OBS', 2]], medicines: [['ARTS60I', 3], ['RINGER', 2]], stay: 2 },
  { type: 'maternite', weight: 20, acts: [['MA-CPN', 1], ['LB-BU', 1], ['LB-HB', 1]], medicines: [['FERFOL', 30], ['SP500C', 3]], stay: 0 },
  { type: 'maternite', weight: 8, acts: [['MA-ACC', 1], ['HO-OBS', 1]], medicines: [['OXYTO10', 1]], stay: 1 },
  { type: 'hospitalisation', weight: 7, acts: [['CS-CUR', 1], ['SO-PERF', 1], ['HO-OBS', 2]], medicines: [['SRO', 4], ['ZINC20C', 10]], stay: 2 },
  // A medicine off the essential list, given with its justification (OFF_LIST_JUSTIFIED).
  { type: 'consultation_externe', weight: 3, acts: [['CS-CUR', 1]], medicines: [['CARBO5S', 1]], stay: 0 },
];

/** The malaria programme's share of the tests and ACTs (children under five, pregnant women): their lines are not the RAMED's. */
const PROGRAMME_CODES = new Set(['LB-TDR', 'AL2012C', 'SP500C']);
const PROGRAMME_SHARE = 0.25;

const AT = 'bench';
const CLAIM_MONTH = '2026-10';
const PDF_MONTH = '2026-09';

/**
 * A registry of whole households (generated, checked as the import checks them); answers the
 * persons the claim will find eligible on every day of both months, by the claim's own rule.
 */
async function insertPatients(db: Kysely<Database>, count: number, seed: number): Promise<Array<{ id: number; recepisse: string; name: string }>> {
  const header = (checkHeader([...FILE_COLUMNS], 'point-virgule') as { ok: true; header: FileHeader }).header;
  const rows = [];
  for (const { record } of generateRegistry({ persons: count * 3, seed, today: '2026-11-16' })) {
    const check = checkRow(
      FILE_COLUMNS.map((c) => record[c]),
      header,
      '2026-11-16',
    );
    if (check.ok) rows.push({ ...check.row, status_changed_at: AT, created_at: AT, updated_at: AT });
  }
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('person').values(rows.slice(i, i + 1000)).execute();
  const persons = await db.selectFrom('person').selectAll().orderBy('id').execute();
  const byRecepisse = new Map(persons.map((p) => [p.recepisse, p]));
  const days = [monthBounds(PDF_MONTH).first, monthBounds(CLAIM_MONTH).last];
  return persons
    .filter((p) => {
      const holder = needsHolder(p) ? (byRecepisse.get(p.holder_recepisse ?? '') ?? null) : null;
      return days.every((day) => eligibilityOnDate(p, holder, day).eligible);
    })
    .slice(0, count)
    .map((p) => ({ id: p.id, recepisse: p.recepisse, name: `${p.family_name} ${p.given_names}` }));
}

/** `count` episodes opened and closed in `month`, with their acts and medicines, as the desk would have keyed them. */
async function insertEpisodes(
  db: Kysely<Database>,
  month: string,
  count: number,
  persons: ReadonlyArray<{ id: number; recepisse: string; name: string }>,
  firstNumber: number,
  random: () => number,
): Promise<void> {
  const tariffs = new Map((await db.selectFrom('tariff').selectAll().where('level', '=', 'cscom').execute()).map((t) => [t.code, t]));
  const medicines = new Map((await db.selectFrom('medicine').selectAll().execute()).map((m) => [m.code, m]));
  const totalWeight = SCENARIOS.reduce((sum, s) => sum + s.weight, 0);
  const { first } = monthBounds(month);
  const days = Number(monthBounds(month).last.slice(8, 10));
  for (let start = 0; start < count; start += 500) {
    const part = Array.from({ length: Math.min(500, count - start) }, (_, k) => {
      const i = start + k;
      let draw = random() * totalWeight;
      const scenario = SCENARIOS.find((s) => (draw -= s.weight) < 0) ?? SCENARIOS[0]!;
      const opened = addDays(first, Math.floor(random() * (days - scenario.stay)));
      const person = persons[i % persons.length]!;
      return { scenario, opened, ended: addDays(opened, scenario.stay), person, number: `EP-2026-${String(firstNumber + i).padStart(6, '0')}` };
    });
    const ids = await db
      .insertInto('episode')
      .values(
        part.map((e) => ({
          number: e.number,
          person_id: e.person.id,
          recepisse: e.person.recepisse,
          patient_search: searchKey(e.person.name),
          type: e.scenario.type,
          emergency: e.scenario.type === 'urgence' ? 1 : 0,
          identity_document: 'cni_nina' as const,
          identity_number: '12345678901234A',
          identity_matches: 1 as const,
          eligibility: '{"eligible":true,"reasons":[],"warnings":[]}',
          status: 'clos' as const,
          opened_at: `${e.opened}T08:30:00.000Z`,
          opened_by: 'accueil',
          ended_on: e.ended,
          closed_at: `${e.ended}T16:00:00.000Z`,
          closed_by: 'accueil',
          diagnosis: 'Paludisme simple',
          outcome: 'gueri' as const,
          updated_at: `${e.ended}T16:00:00.000Z`,
        })),
      )
      .returning('id')
      .execute();
    const lines = part.flatMap((e, k) => {
      const base = { episode_id: ids[k]!.id, performed_on: e.opened, prescriber: 'Dr Sidibé', created_at: `${e.opened}T09:00:00.000Z`, created_by: 'accueil' };
      const programme = random() < PROGRAMME_SHARE;
      const payer = (code: string) =>
        programme && PROGRAMME_CODES.has(code)
          ? { payer: PROGRAMME_PAYER, programme_code: 'PALU' }
          : { payer: 'ramed' as const, programme_code: null };
      return [
        ...e.scenario.acts.map(([code, quantity]) => {
          const t = tariffs.get(code)!;
          return { ...base, ...payer(code), kind: 'acte' as const, tariff_id: t.id, code, label: t.label, category: t.category, quantity, unit_price: t.price, amount: t.price * quantity };
        }),
        ...e.scenario.medicines.map(([code, quantity]) => {
          const m = medicines.get(code)!;
          const offList = m.essential === 0 ? { off_list_reason: 'Intolérance à l’équivalent de la liste' } : {};
          return { ...base, ...payer(code), ...offList, kind: 'medicament' as const, medicine_id: m.id, code, label: `${m.dci} ${m.strength}`, category: null, quantity, unit_price: m.price, amount: m.price * quantity };
        }),
      ];
    });
    for (let i = 0; i < lines.length; i += 1000) await db.insertInto('prestation').values(lines.slice(i, i + 1000)).execute();
  }
}

async function prepare(path: string, sizes: { claimEpisodes: number; pdfEpisodes: number }, seed: number): Promise<Core> {
  removeDatabase(path);
  // After October and September have ended, whatever today's date: a month's claim is built once it has ended.
  const core = await openCore({ db: path, log: silentLogger, clock: fixedClock('2026-11-20T09:00:00.000Z') });
  const demo: DemoContext = { deps: core.deps, options: { month: '2026-10', episodes: 0 }, accounts: [], note: () => {} };
  await demoFacilityAndUsers.run(demo);
  await demoReference.run(demo);
  const db = core.deps.handle.db;
  const random = seededRandom(seed);
  await db.transaction().execute(async (trx) => {
    const persons = await insertPatients(trx, Math.max(sizes.claimEpisodes, sizes.pdfEpisodes), seed);
    await insertEpisodes(trx, CLAIM_MONTH, sizes.claimEpisodes, persons, 1, random);
    await insertEpisodes(trx, PDF_MONTH, sizes.pdfEpisodes, persons, sizes.claimEpisodes + 1, random);
  });
  return core;
}


async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { seconds: (performance.now() - started) / 1000, value };
}

/** The bordereau's rows written as plain lines by the same PDF library: what printing them costs without the table layout. */
function plainPdf(content: string): ArrayBuffer {
  const doc = JSON.parse(content) as { episodes: Array<{ number: string; recepisse: string; patientName: string; openedOn: string; endedOn: string; total: number }> };
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4' });
  pdf.setFontSize(7.5);
  let y = 20;
  for (const e of doc.episodes) {
    if (y > 195) {
      pdf.addPage();
      y = 20;
    }
    pdf.text(`${e.number}   ${e.recepisse}   ${e.patientName}   ${e.openedOn}   ${e.endedOn}   ${e.total}`, 14, y);
    y += 4;
  }
  return pdf.output('arraybuffer');
}

export async function benchClaims(
  dataDir: string,
  sizes: { claimEpisodes: number; pdfEpisodes: number },
  seed: number,
  log: (text: string) => void,
): Promise<Measure[]> {
  const path = `${dataDir}/claims.db`;
  log(`réclamations : base de ${sizes.claimEpisodes} + ${sizes.pdfEpisodes} épisodes clos…`);
  const core = await prepare(path, sizes, seed);
  const bare = await BareSqlite.open(path);
  try {
    const slot = await signedIn(core, 'gestionnaire');
    const sign = async (month: string) => {
      const view = (await call(core, slot, 'claims.get', { month })) as ClaimView;
      if (view.blocking > 0) throw new Error(`${month} : ${view.blocking} contrôle(s) bloquant(s) dans les données du banc d’essai`);
      await call(core, slot, 'claims.sign', { month, sha256: view.sha256 });
    };
    const signedContent = async (month: string) =>
      (await bare.get<{ content: string }>(`select content from claim where month = ? and status <> 'brouillon' order by version desc limit 1`, [month]))!
        .content;

    log(`réclamations : construction et contrôles de ${CLAIM_MONTH}…`);
    const build = await timed(() => call(core, slot, 'claims.build', { month: CLAIM_MONTH }));
    const { first, last } = monthBounds(CLAIM_MONTH);
    const read = await timed(async () => {
      const episodes = await bare.all(
        `select p.*, e.id as episode_id, e.number, e.type, e.emergency, e.referral_from, e.identity_document, e.identity_matches,
           e.opened_at, e.ended_on
         from episode e join person p on p.id = e.person_id where e.status = 'clos' and e.ended_on between ? and ?`,
        [first, last],
      );
      const lines = await bare.all(
        `select * from prestation where episode_id in (select id from episode where status = 'clos' and ended_on between ? and ?)`,
        [first, last],
      );
      return episodes.length + lines.length;
    });
    await sign(CLAIM_MONTH);
    log(`réclamations : export FHIR de ${CLAIM_MONTH}…`);
    const fhir = await timed(() => call(core, slot, 'claims.export', { month: CLAIM_MONTH, format: 'fhir' }));
    const json = await timed(async () => Buffer.from(JSON.stringify(JSON.parse(await signedContent(CLAIM_MONTH)), null, 2)).toString('base64'));

    log(`réclamations : bordereau PDF de ${PDF_MONTH}…`);
    await call(core, slot, 'claims.build', { month: PDF_MONTH });
    await sign(PDF_MONTH);
    const pdf = await timed(async () => (await call(core, slot, 'claims.export', { month: PDF_MONTH, format: 'pdf' })) as GeneratedFile);
    const plain = await timed(async () => Buffer.from(plainPdf(await signedContent(PDF_MONTH))).toString('base64'));
    log(
      `réclamations : ${(build.value as { episodes: number }).episodes} épisodes réclamés, FHIR ${(((fhir.value as GeneratedFile).base64.length * 3) / 4 / 1024 ** 2).toFixed(1)} Mo, ` +
        `PDF ${((pdf.value.base64.length * 3) / 4 / 1024).toFixed(0)} Kio`,
    );

    const section = '4. Réclamation';
    return [
      {
        section,
        label: `construction + contrôles (${sizes.claimEpisodes} épisodes)`,
        unit: 's',
        value: build.seconds,
        baseline: { label: 'lecture des mêmes épisodes et lignes, node-sqlite3 nu', value: read.seconds },
        targets: [{ of: 'value', max: 5 }],
      },
      {
        section,
        label: `bordereau PDF (${sizes.pdfEpisodes} épisodes)`,
        unit: 's',
        value: pdf.seconds,
        baseline: { label: 'mêmes lignes en texte simple, jsPDF sans tableau', value: plain.seconds },
        targets: [{ of: 'value', max: 3 }],
      },
      {
        section,
        label: `export FHIR (${sizes.claimEpisodes} épisodes)`,
        unit: 's',
        value: fhir.seconds,
        baseline: { label: 'JSON de la réclamation signée relu et réécrit', value: json.seconds },
      },
    ];
  } finally {
    await bare.close();
    await core.close();
  }
}
