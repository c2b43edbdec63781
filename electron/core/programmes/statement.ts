import { personName } from '../../../shared/domain/registry';
import type { Kysely } from 'kysely';
import type { ServiceContext } from '../context';
import type { ClaimLine } from '../../../shared/domain/claims';
import type { ProgrammeMonthTotal, ProgrammeStatement, ProgrammeStatementEpisode } from '../../../shared/domain/programmes';
import { monthBounds, frenchMonth } from '../../../shared/lib/months';
import { CAESAREAN_PROGRAMME, type Programme } from '../../../shared/rules/programmes';
import { episodesOfMonth } from '../claims/build';
import { byLineOrder, LINE_SOURCES } from '../claims/lines';
import type { Database } from '../db/schema/index';
import { conflict, notFound } from '../errors';
import { getFacility } from '../facility/facility';
import { listProgrammes } from '../reference/programme-file';
import { patientColumns } from '../episodes/patient';

/** How a programme is named when the list no longer (or never) had it: the caesarean predates the list. */
const FALLBACK_NAMES: Record<string, { name: string; payer: string }> = {
  [CAESAREAN_PROGRAMME]: { name: 'Césarienne gratuite', payer: 'Ministère de la Santé (gratuité de la césarienne)' },
};

/** The version in force at the end of the month, else the latest one, else a known name, else the code. */
function describe(programmes: readonly Programme[], code: string, month: string): { code: string; name: string; payer: string } {
  const { last } = monthBounds(month);
  const versions = programmes.filter((p) => p.code === code).sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const version = versions.filter((p) => p.effectiveFrom <= last).at(-1) ?? versions.at(-1);
  if (version) return { code, name: version.name, payer: version.payer };
  return { code, ...(FALLBACK_NAMES[code] ?? { name: `Programme ${code}`, payer: '' }) };
}

/**
 * The programmes' lines on the episodes the month's RAMED claim takes (the same closed episodes),
 * by programme: a programme's statement and the RAMED claim of a month never hold the same line.
 */
async function programmeEpisodes(db: Kysely<Database>, month: string): Promise<Map<string, ProgrammeStatementEpisode[]>> {
  const ids = await episodesOfMonth(db, month);
  const byProgramme = new Map<string, ProgrammeStatementEpisode[]>();
  if (ids.length === 0) return byProgramme;
  const lines: ClaimLine[] = (await Promise.all(LINE_SOURCES.map((source) => source(db, ids)))).flat().filter((l) => l.programme);
  if (lines.length === 0) return byProgramme;
  const episodeIds = [...new Set(lines.map((l) => l.episodeId))];
  const rows = await db
    .selectFrom('episode')
    .leftJoin('person', 'person.id', 'episode.person_id')
    .leftJoin('registration_request as rr', 'rr.id', 'episode.registration_request_id')
    .select([
      'episode.id',
      'episode.number',
      'episode.recepisse',
      'episode.opened_at',
      'episode.ended_on',
      'episode.icd10',
      ...patientColumns('person', 'rr'),
    ])
    .where('episode.id', 'in', episodeIds)
    .orderBy('episode.number')
    .execute();
  for (const r of rows) {
    const own = lines.filter((l) => l.episodeId === r.id).sort(byLineOrder);
    for (const code of [...new Set(own.map((l) => l.programme!))]) {
      const its = own.filter((l) => l.programme === code);
      const openedOn = r.opened_at.slice(0, 10);
      const episode: ProgrammeStatementEpisode = {
        number: r.number,
        recepisse: r.recepisse,
        patientName: personName(r.family_name, r.given_names),
        sex: r.sex,
        birthDate: r.birth_date,
        openedOn,
        endedOn: r.ended_on ?? openedOn,
        icd10: r.icd10,
        lines: its.map((l) => ({
          code: l.code,
          label: l.label,
          performedOn: l.performedOn,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          amount: l.amount,
        })),
        total: its.reduce((sum, l) => sum + l.amount, 0),
      };
      byProgramme.set(code, [...(byProgramme.get(code) ?? []), episode]);
    }
  }
  return byProgramme;
}

/** Each programme with lines this month, in the list's order, with its totals. */
export async function programmeMonthTotals({ db }: ServiceContext, { month }: { month: string }): Promise<ProgrammeMonthTotal[]> {
  const [byProgramme, programmes] = await Promise.all([programmeEpisodes(db, month), listProgrammes(db)]);
  const rank = (code: string) => programmes.find((p) => p.code === code)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...byProgramme.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([code, episodes]) => ({
      ...describe(programmes, code, month),
      episodes: episodes.length,
      lines: episodes.reduce((n, e) => n + e.lines.length, 0),
      total: episodes.reduce((sum, e) => sum + e.total, 0),
    }));
}

/** One programme's statement for the month; a programme with no line this month is refused. */
export async function programmeStatement(
  { db }: ServiceContext,
  { month, programme: code }: { month: string; programme: string },
): Promise<ProgrammeStatement> {
  const facility = await getFacility(db);
  if (!facility) throw conflict('L’établissement n’est pas configuré : voyez l’administrateur.');
  const [byProgramme, programmes] = await Promise.all([programmeEpisodes(db, month), listProgrammes(db)]);
  const episodes = byProgramme.get(code);
  if (!episodes) {
    const known = programmes.some((p) => p.code === code) || code in FALLBACK_NAMES;
    throw notFound(
      known
        ? `Le programme ${code} n’a aucune ligne sur les épisodes clos de ${frenchMonth(month)}.`
        : `Programme inconnu : ${code}. Voyez la liste des programmes (ramed programmes list).`,
    );
  }
  return {
    month,
    facility,
    programme: describe(programmes, code, month),
    episodes,
    lines: episodes.reduce((n, e) => n + e.lines.length, 0),
    total: episodes.reduce((sum, e) => sum + e.total, 0),
  };
}
