import { personName } from '../../../shared/domain/registry';
import { sql, type Kysely } from 'kysely';
import { markOutliers, median, MIN_PEERS, perEpisode, topRows, isOutlier } from '../../../shared/rules/abuse-rules';
import { addDays } from '../../../shared/lib/dates';
import type {
  AbuseReport,
  AgentAdmissions,
  CostlyEpisode,
  HouseholdVisits,
  PatientVisits,
  PrescriberActs,
} from '../../../shared/domain/abuse';
import type { EpisodeType } from '../../../shared/domain/episodes';
import { frenchMonth, monthBounds } from '../../../shared/lib/months';
import type { Database } from '../db/schema/index';
import type { ServiceContext } from '../context';

interface MonthEpisode {
  id: number;
  number: string;
  personId: number;
  recepisse: string;
  name: string;
  household: string;
  type: EpisodeType;
  openedBy: string;
  receiptOnly: boolean;
  mismatch: boolean;
}

/** The episodes opened in the month, with their patient's household (the titulaire's récépissé). */
async function monthEpisodes(db: Kysely<Database>, first: string, last: string): Promise<MonthEpisode[]> {
  const rows = await db
    .selectFrom('episode as e')
    .leftJoin('person as p', 'p.id', 'e.person_id')
    .leftJoin('registration_request as rr', 'rr.id', 'e.registration_request_id')
    .select([
      'e.id',
      'e.number',
      'e.person_id',
      'e.registration_request_id',
      'e.recepisse',
      'e.type',
      'e.opened_by',
      'e.identity_document',
      'e.identity_matches',
      sql<string>`coalesce(p.family_name, rr.family_name)`.as('family_name'),
      sql<string>`coalesce(p.given_names, rr.given_names)`.as('given_names'),
      'p.holder_recepisse',
    ])
    .where('e.opened_at', '>=', first)
    .where('e.opened_at', '<', addDays(last, 1))
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    // Waiting for its person (admitted out of the registry): minus the request's id, no registry person's.
    personId: r.person_id ?? -Number(r.registration_request_id),
    recepisse: r.recepisse,
    name: personName(r.family_name, r.given_names),
    household: r.holder_recepisse ?? r.recepisse,
    type: r.type,
    openedBy: r.opened_by,
    receiptOnly: r.identity_document === 'recepisse_seul',
    mismatch: r.identity_matches === 0,
  }));
}

const inMonth = (db: Kysely<Database>, first: string, last: string) =>
  db.selectFrom('episode').select('id').where('opened_at', '>=', first).where('opened_at', '<', addDays(last, 1));

/** Acts by episode and prescriber; a cancellation's negative quantity takes its line back out. */
async function actsByPrescriber(db: Kysely<Database>, first: string, last: string) {
  const rows = await db
    .selectFrom('prestation')
    .select(['episode_id', 'prescriber', sql<number>`sum(quantity)`.as('acts')])
    .where('kind', '=', 'acte')
    .where('episode_id', 'in', inMonth(db, first, last))
    .groupBy(['episode_id', 'prescriber'])
    .execute();
  return rows.map((r) => ({ episodeId: r.episode_id, prescriber: r.prescriber.trim(), acts: Number(r.acts) })).filter((r) => r.acts > 0);
}

/** What each episode bills the RAMED: its acts and medicines in force. */
async function amounts(db: Kysely<Database>, first: string, last: string): Promise<Map<number, number>> {
  const [acts, medicines] = await Promise.all([
    db
      .selectFrom('prestation')
      .select(['episode_id', sql<number>`sum(amount)`.as('amount')])
      .where('payer', '=', 'ramed')
      .where('episode_id', 'in', inMonth(db, first, last))
      .groupBy('episode_id')
      .execute(),
    db
      .selectFrom('dispensation')
      .select(['episode_id', sql<number>`sum(amount)`.as('amount')])
      .where('episode_id', 'in', inMonth(db, first, last))
      .groupBy('episode_id')
      .execute(),
  ]);
  const total = new Map<number, number>();
  for (const r of [...acts, ...medicines]) total.set(r.episode_id, (total.get(r.episode_id) ?? 0) + Number(r.amount));
  return total;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | number): Map<string | number, T[]> {
  const groups = new Map<string | number, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** The month's control tables, from the episodes opened in it. */
export async function abuseReport(ctx: ServiceContext, { month }: { month: string }): Promise<AbuseReport> {
  const { db } = ctx;
  const { first, last } = monthBounds(month);
  const [episodes, acts, billed] = await Promise.all([
    monthEpisodes(db, first, last),
    actsByPrescriber(db, first, last),
    amounts(db, first, last),
  ]);

  const byPerson = [...groupBy(episodes, (e) => e.personId).values()];
  const patients = markOutliers(
    topRows(
      byPerson.map((group): PatientVisits => {
        const e = group[0]!;
        return {
          personId: e.personId,
          recepisse: e.recepisse,
          name: e.name,
          visits: group.length,
          value: group.length,
          outlier: false,
          episodeIds: group.map((g) => g.id),
        };
      }),
      (r) => r.name,
      2,
    ),
    byPerson.map((g) => g.length),
  );

  const byHousehold = [...groupBy(episodes, (e) => e.household).entries()];
  const householdRows = markOutliers(
    topRows(
      byHousehold.map(([key, group]): HouseholdVisits => ({
        holderRecepisse: String(key),
        holderName: '',
        persons: new Set(group.map((g) => g.personId)).size,
        visits: group.length,
        value: group.length,
        outlier: false,
        episodeIds: group.map((g) => g.id),
      })),
      (r) => r.holderRecepisse,
      2,
    ),
    byHousehold.map(([, g]) => g.length),
  );
  const holders = await holderNames(
    db,
    householdRows.rows.map((r) => r.holderRecepisse),
  );
  const households = {
    ...householdRows,
    rows: householdRows.rows.map((r) => ({ ...r, holderName: holders.get(r.holderRecepisse) ?? '' })),
  };

  const byAgent = [...groupBy(episodes, (e) => e.openedBy).entries()];
  const users = await userNames(db);
  const agentRows = byAgent.map(([login, group]): AgentAdmissions => {
    const unchecked = group.filter((g) => g.receiptOnly || g.mismatch);
    return {
      login: String(login),
      name: users.get(String(login)) ?? String(login),
      admissions: group.length,
      receiptOnly: group.filter((g) => g.receiptOnly).length,
      mismatches: group.filter((g) => g.mismatch).length,
      value: unchecked.length,
      outlier: false,
      episodeIds: unchecked.map((g) => g.id),
    };
  });
  const agents = markOutliers(
    topRows(agentRows, (r) => r.login, 0),
    agentRows.map((r) => r.value),
  );

  const byPrescriber = [...groupBy(acts, (a) => a.prescriber).entries()];
  const prescriberRows = byPrescriber.map(([prescriber, group]): PrescriberActs => {
    const ids = [...new Set(group.map((g) => g.episodeId))];
    const total = group.reduce((sum, g) => sum + g.acts, 0);
    const ratio = perEpisode(total, ids.length);
    return {
      prescriber: String(prescriber),
      episodes: ids.length,
      acts: total,
      perEpisode: ratio,
      value: ratio,
      outlier: false,
      episodeIds: ids,
    };
  });
  const prescribers = markOutliers(
    topRows(prescriberRows, (r) => r.prescriber, 0),
    prescriberRows.map((r) => r.value),
  );

  const costly: CostlyEpisode[] = [];
  for (const group of groupBy(episodes, (e) => e.type).values()) {
    const paid = group.map((e) => ({ e, amount: billed.get(e.id) ?? 0 })).filter((x) => x.amount > 0);
    const typeMedian = median(paid.map((x) => x.amount));
    if (paid.length < MIN_PEERS || typeMedian === null) continue;
    for (const { e, amount } of paid) {
      if (!isOutlier(amount, typeMedian)) continue;
      costly.push({
        episodeId: e.id,
        number: e.number,
        patientName: e.name,
        recepisse: e.recepisse,
        type: e.type,
        amount,
        typeMedian,
        value: amount,
        outlier: true,
        episodeIds: [e.id],
      });
    }
  }

  return {
    month,
    label: frenchMonth(month),
    episodes: episodes.length,
    medians: {
      visits: patients.median,
      householdVisits: households.median,
      unchecked: agents.median,
      perEpisode: prescribers.median,
    },
    patients: patients.rows,
    households: households.rows,
    agents: agents.rows,
    prescribers: prescribers.rows,
    costly: topRows(costly, (r) => r.number, 0),
  };
}

async function holderNames(db: Kysely<Database>, recepisses: readonly string[]): Promise<Map<string, string>> {
  if (recepisses.length === 0) return new Map();
  const rows = await db
    .selectFrom('person')
    .select(['recepisse', 'family_name', 'given_names'])
    .where('recepisse', 'in', [...recepisses])
    .execute();
  return new Map(rows.map((r) => [r.recepisse, personName(r.family_name, r.given_names)]));
}

async function userNames(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('app_user').select(['login', 'full_name']).execute();
  return new Map(rows.map((r) => [r.login, r.full_name]));
}
