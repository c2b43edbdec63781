import { personName } from '../../../shared/domain/registry';
import { sql, type Kysely } from 'kysely';
import { addDays } from '../../../shared/lib/dates';
import type { EpisodeListRow, EpisodeSort, EpisodeStatus, EpisodeType } from '../../../shared/domain/episodes';
import { searchKey } from '../../../shared/lib/text';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';

export interface EpisodeFilter {
  from?: string | undefined;
  to?: string | undefined;
  status?: EpisodeStatus | undefined;
  type?: EpisodeType | undefined;
  patient?: string | undefined;
  ids?: number[] | undefined;
  sort: EpisodeSort;
  desc: boolean;
}

const SORT_COLUMN = {
  openedAt: 'episode.opened_at',
  number: 'episode.number',
  patient: 'episode.patient_search',
  type: 'episode.type',
  status: 'episode.status',
} as const;

/**
 * The episodes a filter selects. Every filter runs on an indexed column of `episode` (opening
 * date, status, type, récépissé, number) except a name, matched inside the normalised name kept
 * at admission.
 */
function filtered(db: Kysely<Database>, filter: EpisodeFilter) {
  let query = db.selectFrom('episode');
  if (filter.from) query = query.where('episode.opened_at', '>=', filter.from);
  if (filter.to) query = query.where('episode.opened_at', '<', addDays(filter.to, 1));
  if (filter.status) query = query.where('episode.status', '=', filter.status);
  if (filter.type) query = query.where('episode.type', '=', filter.type);
  if (filter.ids) query = query.where('episode.id', 'in', filter.ids);
  const patient = filter.patient?.trim() ?? '';
  const number = /^EP-?(\d{4})-?(\d{1,6})$/i.exec(patient.replace(/\s/g, ''));
  if (number) {
    query = query.where('episode.number', '=', `EP-${number[1]}-${number[2]!.padStart(6, '0')}`);
  } else if (/^[\d\s.-]+$/.test(patient)) {
    // Récépissés are 13 digits: a prefix is a range on the index.
    const digits = patient.replace(/\D/g, '').slice(0, 13);
    query = query.where('episode.recepisse', '>=', digits.padEnd(13, '0')).where('episode.recepisse', '<=', digits.padEnd(13, '9'));
  } else if (patient) {
    query = query.where('episode.patient_search', 'like', `%${searchKey(patient)}%`);
  }
  return query;
}

function rowsOf(db: Kysely<Database>, filter: EpisodeFilter) {
  const direction = filter.desc ? 'desc' : 'asc';
  return filtered(db, filter)
    .leftJoin('person', 'person.id', 'episode.person_id')
    .leftJoin('registration_request as rr', 'rr.id', 'episode.registration_request_id')
    .select([
      'episode.id',
      'episode.number',
      'episode.status',
      'episode.type',
      'episode.emergency',
      'episode.opened_at',
      'episode.ended_on',
      'episode.recepisse',
      sql<string>`coalesce(person.family_name, rr.family_name)`.as('family_name'),
      sql<string>`coalesce(person.given_names, rr.given_names)`.as('given_names'),
    ])
    .orderBy(SORT_COLUMN[filter.sort], direction)
    .orderBy('episode.id', direction);
}

/** Per episode: what the RAMED is billed for acts, and how many act lines are still in force. */
function totalsOf(db: Kysely<Database>) {
  return db
    .selectFrom('prestation')
    .select([
      'episode_id',
      sql<number>`coalesce(sum(case when payer = 'ramed' then amount else 0 end), 0)`.as('amount'),
      sql<number>`sum(case when cancels_id is null then 1 else -1 end)`.as('lines'),
    ])
    .groupBy('episode_id');
}

/** Per episode: the medicines dispensed in force (a cancellation line carries the negative amount). */
function medicineTotalsOf(db: Kysely<Database>) {
  return db
    .selectFrom('dispensation')
    .select([
      'episode_id',
      sql<number>`coalesce(sum(amount), 0)`.as('medicine_amount'),
      sql<number>`sum(case when cancels_id is null then 1 else -1 end)`.as('medicine_lines'),
    ])
    .groupBy('episode_id');
}

interface Sums {
  amount: number;
  lines: number;
  medicineAmount: number;
  medicineLines: number;
}

type Row = Awaited<ReturnType<ReturnType<typeof rowsOf>['execute']>>[number];

const toListRow = (r: Row, totals: Partial<Sums> | undefined): EpisodeListRow => ({
  id: r.id,
  number: r.number,
  status: r.status,
  type: r.type,
  emergency: r.emergency === 1,
  openedAt: r.opened_at,
  endedOn: r.ended_on,
  recepisse: r.recepisse,
  patientName: personName(r.family_name, r.given_names),
  ramedTotal: Number(totals?.amount ?? 0) + Number(totals?.medicineAmount ?? 0),
  activeLines: Number(totals?.lines ?? 0),
  activeMedicines: Number(totals?.medicineLines ?? 0),
});

/** One page of episodes, with the number of all that match. */
export async function listEpisodes(
  { db }: ServiceContext,
  filter: EpisodeFilter & { pageIndex: number; pageSize: number },
): Promise<{ rows: EpisodeListRow[]; total: number; ramedTotal: number }> {
  const counted = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  // What the RAMED is billed for every episode the filter selects, not only this page's.
  const selected = filtered(db, filter).select('episode.id');
  const [actsSum, medicinesSum] = await Promise.all([
    db
      .selectFrom('prestation')
      .select(sql<number>`coalesce(sum(case when payer = 'ramed' then amount else 0 end), 0)`.as('s'))
      .where('episode_id', 'in', selected)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('dispensation')
      .select(sql<number>`coalesce(sum(amount), 0)`.as('s'))
      .where('episode_id', 'in', selected)
      .executeTakeFirstOrThrow(),
  ]);
  const page = await rowsOf(db, filter)
    .limit(filter.pageSize)
    .offset(filter.pageIndex * filter.pageSize)
    .execute();
  const ids = page.map((r) => r.id);
  const [acts, medicines] =
    ids.length > 0
      ? await Promise.all([
          totalsOf(db).where('episode_id', 'in', ids).execute(),
          medicineTotalsOf(db).where('episode_id', 'in', ids).execute(),
        ])
      : [[], []];
  const actsOf = new Map(acts.map((s) => [s.episode_id, s]));
  const medicinesOf = new Map(medicines.map((s) => [s.episode_id, s]));
  const sumsOf = (id: number): Partial<Sums> => {
    const a = actsOf.get(id);
    const m = medicinesOf.get(id);
    return { amount: a?.amount, lines: a?.lines, medicineAmount: m?.medicine_amount, medicineLines: m?.medicine_lines };
  };
  return {
    total: Number(counted.n),
    ramedTotal: Number(actsSum.s) + Number(medicinesSum.s),
    rows: page.map((r) => toListRow(r, sumsOf(r.id))),
  };
}

/** Every episode a filter selects (for the CSV export), with its totals joined in one query. */
export async function allEpisodes(db: Kysely<Database>, filter: EpisodeFilter): Promise<EpisodeListRow[]> {
  const rows = await rowsOf(db, filter)
    .leftJoin(totalsOf(db).as('t'), 't.episode_id', 'episode.id')
    .leftJoin(medicineTotalsOf(db).as('m'), 'm.episode_id', 'episode.id')
    .select(['t.amount', 't.lines', 'm.medicine_amount', 'm.medicine_lines'])
    .execute();
  return rows.map((r) =>
    toListRow(r, {
      amount: r.amount ?? 0,
      lines: r.lines ?? 0,
      medicineAmount: r.medicine_amount ?? 0,
      medicineLines: r.medicine_lines ?? 0,
    }),
  );
}
