import { sql, type Kysely } from 'kysely';
import { addDays } from '../../../shared/dates';
import type { EpisodeListRow, EpisodeSort, EpisodeStatus, EpisodeType } from '../../../shared/domain/episodes';
import { searchKey } from '../../../shared/text';
import type { Database } from '../db/schema/index';

export interface EpisodeFilter {
  from?: string | undefined;
  to?: string | undefined;
  status?: EpisodeStatus | undefined;
  type?: EpisodeType | undefined;
  patient?: string | undefined;
  sort: EpisodeSort;
  desc: boolean;
  pageIndex: number;
  pageSize: number;
}

const SORT_COLUMN = {
  openedAt: 'episode.opened_at',
  number: 'episode.number',
  patient: 'episode.patient_search',
  type: 'episode.type',
  status: 'episode.status',
} as const;

/**
 * One page of episodes. Every filter runs on an indexed column of `episode` (opening date, status,
 * type, récépissé, number) except a name, matched inside the normalised name kept at admission.
 */
export async function listEpisodes(db: Kysely<Database>, filter: EpisodeFilter): Promise<{ rows: EpisodeListRow[]; total: number }> {
  let query = db.selectFrom('episode');
  if (filter.from) query = query.where('episode.opened_at', '>=', filter.from);
  if (filter.to) query = query.where('episode.opened_at', '<', addDays(filter.to, 1));
  if (filter.status) query = query.where('episode.status', '=', filter.status);
  if (filter.type) query = query.where('episode.type', '=', filter.type);
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

  const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const direction = filter.desc ? 'desc' : 'asc';
  const page = await query
    .innerJoin('person', 'person.id', 'episode.person_id')
    .select([
      'episode.id',
      'episode.number',
      'episode.status',
      'episode.type',
      'episode.emergency',
      'episode.opened_at',
      'episode.ended_on',
      'episode.recepisse',
      'person.family_name',
      'person.given_names',
    ])
    .orderBy(SORT_COLUMN[filter.sort], direction)
    .orderBy('episode.id', direction)
    .limit(filter.pageSize)
    .offset(filter.pageIndex * filter.pageSize)
    .execute();

  const totals = new Map<number, { amount: number; lines: number }>();
  if (page.length > 0) {
    const sums = await db
      .selectFrom('prestation')
      .select([
        'episode_id',
        sql<number>`coalesce(sum(case when payer = 'ramed' then amount else 0 end), 0)`.as('amount'),
        sql<number>`sum(case when cancels_id is null then 1 else -1 end)`.as('lines'),
      ])
      .where(
        'episode_id',
        'in',
        page.map((r) => r.id),
      )
      .groupBy('episode_id')
      .execute();
    for (const s of sums) totals.set(s.episode_id, { amount: Number(s.amount), lines: Number(s.lines) });
  }

  return {
    total: Number(counted.n),
    rows: page.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      type: r.type,
      emergency: r.emergency === 1,
      openedAt: r.opened_at,
      endedOn: r.ended_on,
      recepisse: r.recepisse,
      patientName: `${r.family_name.toUpperCase()} ${r.given_names}`,
      ramedTotal: totals.get(r.id)?.amount ?? 0,
      activeLines: totals.get(r.id)?.lines ?? 0,
    })),
  };
}
