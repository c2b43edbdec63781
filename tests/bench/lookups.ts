import { openCore } from '../../electron/core/app';
import { RANKED_MATCHES, searchWords } from '../../electron/core/db/name-search';
import { silentLogger } from '../../electron/core/logger';
import { checkQuery } from '../../electron/core/registry/lookup';
import { BareSqlite } from './bare-sqlite';
import type { Measure } from './report';
import { call, signedIn } from './session';
import { seededRandom } from '../../shared/lib/seeded-random';
import { latencies, timeAlternately } from './stats';

export interface Sampled {
  recepisse: string;
  family_name: string;
  given_names: string;
}

/** `count` persons of the registry drawn at random (seeded), the same ones on every run. */
export async function samplePersons(bare: BareSqlite, count: number, seed: number): Promise<Sampled[]> {
  const { top } = (await bare.get<{ top: number }>('select max(id) as top from person', []))!;
  const random = seededRandom(seed);
  const out: Sampled[] = [];
  while (out.length < count) {
    const ids = Array.from({ length: Math.min(500, count - out.length) }, () => 1 + Math.floor(random() * top));
    const rows = await bare.all<Sampled & { id: number }>(
      `select id, recepisse, family_name, given_names from person where id in (${ids.map(() => '?').join(',')})`,
      ids,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const row = byId.get(id);
      if (row) out.push(row);
    }
  }
  return out;
}

const unaccented = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');

/** What a desk agent types: the start of the names, no accents, words in any order, any case. */
export function searchText(person: Pick<Sampled, 'family_name' | 'given_names'>, i: number): string {
  const family = person.family_name;
  const given = person.given_names.split(' ')[0]!;
  switch (i % 4) {
    case 0:
      return `${family.slice(0, 3 + (i % 3))} ${given.slice(0, 2 + (i % 3))}`;
    case 1:
      return unaccented(`${family} ${given}`).toLowerCase();
    case 2:
      return `${given} ${family}`;
    default:
      return unaccented(`${given.slice(0, 4)} ${family.slice(0, 4)}`).toUpperCase();
  }
}

// sqliteNameSearch.search (electron/core/db/name-search.ts) as the bare driver runs it.
const FTS_SQL = `select p.* from person_fts f join person p on p.id = f.rowid
  where person_fts match ?1
    and f.rowid <= coalesce((select max(rowid) from (
      select rowid from person_fts where person_fts match ?1 order by rowid limit ${RANKED_MATCHES})), 0)
  order by bm25(person_fts, 2.0, 1.0), p.family_name, p.given_names, p.id limit ?2`;
const ftsMatch = (words: readonly string[], prefix: boolean) => words.map((w) => `"${w}"${prefix ? '*' : ''}`).join(' ');

/** The same FTS5 queries as searchByName: whole names first, then prefixes when they are not enough. */
async function bareNameSearch(bare: BareSqlite, text: string, limit: number): Promise<number> {
  const words = searchWords(text)
    .filter((w) => w.length >= 2)
    .slice(0, 6);
  const whole = await bare.all<{ id: number }>(FTS_SQL, [ftsMatch(words, false), limit]);
  if (whole.length >= limit) return whole.length;
  return (await bare.all<{ id: number }>(FTS_SQL, [ftsMatch(words, true), limit + whole.length])).length;
}

export async function benchLookups(
  database: string,
  sizes: { checks: number; searches: number },
  seed: number,
  log: (text: string) => void,
): Promise<Measure[]> {
  const core = await openCore({ db: database, log: silentLogger });
  const bare = await BareSqlite.open(database);
  try {
    const slot = await signedIn(core, 'accueil');
    // The desk's window reports activity as the agent types: the session is not locked mid-run.
    const keepAwake = () => call(core, slot, 'auth.activity', {});
    const persons = await samplePersons(bare, sizes.checks, seed);
    // The handler's whole SQL for a check (the eligibility context, the person and the holder): one statement.
    const marker = '\u0000recepisse';
    const dateMarker = '\u0000date';
    // The service checks as of its clock's day: the bare driver is given the same day.
    const today = core.deps.clock.now().toISOString().slice(0, 10);
    const checkSql = checkQuery(core.deps.handle.db, marker, dateMarker).compile();
    const checkParameters = (recepisse: string) =>
      checkSql.parameters.map((v) => (v === marker ? recepisse : v === dateMarker ? today : v));

    const check = async (p: Sampled) => call(core, slot, 'registry.check', { recepisse: p.recepisse });
    const bareCheck = (p: Sampled) => bare.all(checkSql.sql, checkParameters(p.recepisse));
    const warm = persons.slice(0, Math.min(1000, persons.length));
    await timeAlternately(warm, check, bareCheck);
    log(`contrôle du récépissé : ${sizes.checks} appels au service et autant au pilote nu, en alternance…`);
    const checks = await timeAlternately(persons, check, bareCheck, 500, keepAwake);

    const texts = persons.slice(0, sizes.searches).map(searchText);
    const search = (text: string) => call(core, slot, 'registry.search', { text, limit: 20 });
    const bareSearch = (text: string) => bareNameSearch(bare, text, 20);
    log(`recherche par nom : ${texts.length} recherches au service et autant au pilote nu (mêmes requêtes FTS5)…`);
    await timeAlternately(texts.slice(0, 100), search, bareSearch);
    const searches = await timeAlternately(texts, search, bareSearch, 100, keepAwake);

    const c = { service: latencies(checks.subject), bare: latencies(checks.baseline) };
    const s = { service: latencies(searches.subject), bare: latencies(searches.baseline) };
    const checkSection = `2. Contrôle du récépissé (${sizes.checks} tirages)`;
    const searchSection = `3. Recherche par nom (${texts.length} recherches)`;
    const bareCheckLabel = 'même SELECT (contexte, personne, titulaire), node-sqlite3 nu';
    const bareSearchLabel = 'mêmes requêtes FTS5, node-sqlite3 nu';
    return [
      { section: checkSection, label: 'p50', unit: 'ms', value: c.service.p50, baseline: { label: bareCheckLabel, value: c.bare.p50 } },
      {
        section: checkSection,
        label: 'p99',
        unit: 'ms',
        value: c.service.p99,
        baseline: { label: bareCheckLabel, value: c.bare.p99 },
        targets: [
          { of: 'value', max: 2 },
          { of: 'ratio', max: 1.5, inclusive: true },
        ],
      },
      { section: searchSection, label: 'p50', unit: 'ms', value: s.service.p50, baseline: { label: bareSearchLabel, value: s.bare.p50 } },
      {
        section: searchSection,
        label: 'p95',
        unit: 'ms',
        value: s.service.p95,
        baseline: { label: bareSearchLabel, value: s.bare.p95 },
        targets: [{ of: 'value', max: 50 }],
      },
    ];
  } finally {
    await bare.close();
    await core.close();
  }
}
