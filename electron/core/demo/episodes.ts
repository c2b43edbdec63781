import { addDays } from '../../../shared/lib/dates';
import { seededRandom } from '../../../shared/lib/seeded-random';
import type { EpisodeType, IdentityDocument, Outcome } from '../../../shared/domain/episodes';
import { needsHolder } from '../../../shared/rules/eligibility';
import { eligibilityOnDate, holdersOf } from '../claims/eligibility';
import { isoToday } from '../clock';
import { deskMinute, DESK_SPAN } from './desk-hours';
import type { ServiceContext } from '../context';
import { actingAs, atInstant } from '../service-context';
import { createEpisode } from '../episodes/create';
import { closeEpisode } from '../episodes/lifecycle';
import { addLine, cancelLine } from '../episodes/lines';
import { DomainError } from '../errors';
import type { PersonRow } from '../registry/person-view';
import type { DemoPart } from './part';

type Patient = 'tous' | 'femme' | 'enfant' | 'adulte';

interface Scenario {
  type: EpisodeType;
  weight: number;
  patient: Patient;
  diagnosis: string;
  icd10: string;
  outcome: Outcome;
  acts: Array<[code: string, quantity: number]>;
  /** Nights kept under observation before discharge. */
  stay?: number;
}

const s = (
  type: EpisodeType,
  weight: number,
  patient: Patient,
  diagnosis: string,
  icd10: string,
  acts: Scenario['acts'],
  more: Partial<Scenario> = {},
): Scenario => ({
  type,
  weight,
  patient,
  diagnosis,
  icd10,
  outcome: 'gueri',
  acts,
  ...more,
});

/** What a CSCOM sees in a month, roughly in proportion (malaria first, then maternity). */
const SCENARIOS: Scenario[] = [
  s('consultation_externe', 20, 'tous', 'Paludisme simple', 'B54', [
    ['CS-CUR', 1],
    ['LB-TDR', 1],
  ]),
  s('consultation_externe', 8, 'tous', 'Paludisme simple confirmé à la goutte épaisse', 'B54', [
    ['CS-CUR', 1],
    ['LB-GE', 1],
    ['LB-HB', 1],
  ]),
  s('consultation_externe', 10, 'tous', 'Infection respiratoire aiguë', 'J06.9', [['CS-CUR', 1]]),
  s('consultation_externe', 6, 'enfant', 'Diarrhée aiguë', 'A09', [
    ['CS-CUR', 1],
    ['LB-SEL', 1],
  ]),
  s('consultation_externe', 4, 'adulte', 'Infection urinaire basse', 'N39.0', [
    ['CS-CUR', 1],
    ['LB-BU', 1],
  ]),
  s(
    'consultation_externe',
    4,
    'adulte',
    'Hypertension artérielle',
    'I10',
    [
      ['CS-CUR', 1],
      ['LB-GLY', 1],
    ],
    { outcome: 'ameliore' },
  ),
  s(
    'consultation_externe',
    3,
    'tous',
    'Anémie',
    'D64.9',
    [
      ['CS-CUR', 1],
      ['LB-HB', 1],
    ],
    { outcome: 'ameliore' },
  ),
  s(
    'urgence',
    4,
    'tous',
    'Paludisme grave',
    'B50.9',
    [
      ['CS-URG', 1],
      ['LB-GE', 1],
      ['SO-PERF', 1],
      ['HO-OBS', 2],
    ],
    { outcome: 'ameliore', stay: 2 },
  ),
  s('urgence', 3, 'tous', 'Plaie de la main', 'S61.9', [
    ['CS-URG', 1],
    ['CH-SUT', 1],
    ['SO-INJ', 1],
  ]),
  s('urgence', 2, 'adulte', 'Abcès cutané de la cuisse', 'L02.4', [
    ['CS-URG', 1],
    ['CH-ABC', 1],
    ['SO-PAN', 1],
  ]),
  s(
    'urgence',
    1,
    'enfant',
    'Paludisme grave avec anémie sévère, référé au CSREF',
    'B50.9',
    [
      ['CS-URG', 1],
      ['LB-GE', 1],
      ['LB-HB', 1],
      ['SO-PERF', 1],
    ],
    { outcome: 'refere' },
  ),
  s('maternite', 12, 'femme', 'Suivi de grossesse normale (CPN)', 'Z34.9', [
    ['MA-CPN', 1],
    ['LB-BU', 1],
    ['LB-HB', 1],
  ]),
  s('maternite', 3, 'femme', 'Première consultation prénatale', 'Z34.0', [
    ['MA-CPN', 1],
    ['LB-TG', 1],
    ['LB-GSRH', 1],
    ['LB-BU', 1],
  ]),
  s(
    'maternite',
    6,
    'femme',
    'Accouchement normal',
    'O80',
    [
      ['MA-ACC', 1],
      ['HO-OBS', 1],
    ],
    { stay: 1 },
  ),
  s(
    'maternite',
    2,
    'femme',
    'Accouchement normal avec épisiotomie',
    'O80',
    [
      ['MA-ACC', 1],
      ['MA-EPI', 1],
      ['HO-OBS', 1],
    ],
    { stay: 1 },
  ),
  s('maternite', 2, 'femme', 'Consultation postnatale', 'Z39.2', [['MA-CPON', 1]]),
  s(
    'hospitalisation',
    4,
    'enfant',
    'Déshydratation sur diarrhée aiguë',
    'E86',
    [
      ['CS-CUR', 1],
      ['SO-PERF', 1],
      ['HO-OBS', 2],
    ],
    { stay: 2 },
  ),
  s(
    'hospitalisation',
    2,
    'tous',
    'Paludisme avec vomissements',
    'B54',
    [
      ['CS-CUR', 1],
      ['LB-TDR', 1],
      ['SO-PERF', 1],
      ['HO-OBS', 3],
    ],
    { stay: 3 },
  ),
  s('autre', 2, 'tous', 'Contrôle après traitement', 'Z09', [['CS-CUR', 1]]),
];

const PRESCRIBERS = ['Dr Sidibé', 'Dr Maïga', 'Infirmier Dembélé'];
const MIDWIVES = ['Sage-femme Koné', 'Sage-femme Diallo'];
const MISTAKES: Array<[code: string, reason: string]> = [
  ['LB-GLY', 'Examen prescrit par erreur'],
  ['SO-INJ', 'Acte non réalisé : patient parti avant les soins'],
  ['LB-HB', 'Saisi sur le mauvais patient'],
];
const DOCUMENTS: Array<[IdentityDocument, number]> = [
  ['recepisse_seul', 50],
  ['cni_nina', 30],
  ['carte_biometrique', 12],
  ['acte_naissance', 5],
  ['aucun', 3],
];

/** Deterministic per month: the same command gives the same demo. */
export function randomFor(seed: string): () => number {
  return seededRandom([...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
}

function weighted<T>(random: () => number, items: ReadonlyArray<T>, weight: (item: T) => number): T {
  let pick = random() * items.reduce((sum, i) => sum + weight(i), 0);
  for (const item of items) {
    pick -= weight(item);
    if (pick < 0) return item;
  }
  return items.at(-1)!;
}

interface DemoPerson {
  id: number;
  sex: string;
  birth_date: string;
  recepisse: string;
  holder_recepisse: string | null;
}

const age = (p: DemoPerson, day: string) => Number(day.slice(0, 4)) - Number(p.birth_date.slice(0, 4));
const fits: Record<Patient, (p: DemoPerson, day: string) => boolean> = {
  tous: () => true,
  femme: (p, day) => p.sex === 'F' && age(p, day) >= 16 && age(p, day) <= 45,
  enfant: (p, day) => age(p, day) < 15,
  adulte: (p, day) => age(p, day) >= 18,
};

async function addIfPriced(work: () => Promise<number>): Promise<number | null> {
  try {
    return await work();
  } catch (error) {
    // An act the facility's level does not offer is simply not part of its demo.
    if (error instanceof DomainError && error.code === 'REFUSED') return null;
    throw error;
  }
}

interface Made {
  person: DemoPerson;
  scenario: Scenario;
  closed: boolean;
}

/**
 * The household the guides walk through at the desk (README, guide-accueil, the e2e suite): never
 * already admitted today, so its first admission is a clean one whatever the day, the 1st included,
 * when the whole current month is today.
 */
export const WALKTHROUGH_HOLDER = '1101000000017';
const inWalkthrough = (p: DemoPerson) => p.recepisse === WALKTHROUGH_HOLDER || p.holder_recepisse === WALKTHROUGH_HOLDER;

async function oneEpisode(
  desk: ServiceContext,
  random: () => number,
  persons: DemoPerson[],
  at: string,
  today: string,
  /** `twin`: the episode this one repeats; `keep`: closed for sure (the one a twin repeats). */
  { twin, keep = false }: { twin?: Made | undefined; keep?: boolean } = {},
): Promise<Made> {
  const day = at.slice(0, 10);
  const scenario = twin?.scenario ?? weighted(random, SCENARIOS, (sc) => sc.weight);
  const suited = persons.filter((p) => fits[scenario.patient](p, day) && !(day === today && inWalkthrough(p)));
  const pool = suited.length > 0 ? suited : persons.filter((p) => !(day === today && inWalkthrough(p)));
  const person = twin?.person ?? pool[Math.floor(random() * pool.length)]!;
  const document = twin ? 'recepisse_seul' : weighted(random, DOCUMENTS, ([, w]) => w)[0];
  const w = atInstant(desk, at);
  const { id } = await createEpisode(w, {
    personId: person.id,
    type: scenario.type,
    emergency: scenario.type === 'urgence',
    identityDocument: document,
    identityNumber:
      document === 'cni_nina' || document === 'carte_biometrique' ? String(Math.floor(random() * 1e14)).padStart(14, '0') : undefined,
    identityMatches: document === 'aucun' ? null : true,
    eligibility: { eligible: true, reasons: [], warnings: random() < 0.1 ? ['NEAR_EXPIRY'] : [] },
  });
  const prescriber = scenario.type === 'maternite' ? MIDWIVES : PRESCRIBERS;
  const line = (code: string, quantity: number) =>
    addIfPriced(() =>
      addLine(w, { episodeId: id, code, quantity, performedOn: day, prescriber: prescriber[Math.floor(random() * prescriber.length)]! }),
    );
  for (const [code, quantity] of scenario.acts) await line(code, quantity);
  if (!twin && random() < 0.08) {
    const [code, reason] = MISTAKES[Math.floor(random() * MISTAKES.length)]!;
    const wrong = await line(code, 1);
    if (wrong !== null) await cancelLine(w, { episodeId: id, lineId: wrong, reason });
  }
  const endedOn = addDays(day, scenario.stay ?? 0);
  const closed = endedOn < today && (twin !== undefined || keep || random() < 0.9);
  if (closed) {
    await closeEpisode(atInstant(desk, `${endedOn}T16:30:00.000Z`), {
      episodeId: id,
      endedOn,
      diagnosis: scenario.diagnosis,
      icd10: scenario.icd10,
      outcome: scenario.outcome,
    });
  }
  return { person, scenario, closed };
}

/**
 * A month of episodes for persons of the registry loaded by the registry's demo part: realistic
 * acts, most closed, the last days' still open, a few corrected by a cancelled line, a few admitted
 * without an identity document, and one patient keyed twice the same morning (the claim flags it).
 */
export const demoEpisodes: DemoPart = {
  label: 'Épisodes de soins du mois',
  async run(ctx) {
    const { handle, clock } = ctx.deps;
    const { month, episodes } = ctx.options;
    const today = isoToday(clock);
    const first = `${month}-01`;
    const lastOfMonth = addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
    // The desk admits only persons covered all month: the demo registry also holds expired,
    // suspended and not-yet-valid records, dependants of uncovered holders and children over age,
    // which reception would have refused.
    const candidates = await handle.db
      .selectFrom('person')
      .selectAll()
      .where('status', '=', 'actif')
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', first)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', lastOfMonth)]))
      .orderBy('id')
      .limit(5000)
      .execute();
    const holders = await holdersOf(handle.db, candidates);
    const coveredOn = (p: PersonRow, day: string) =>
      eligibilityOnDate(p, needsHolder(p) ? (holders.get(p.holder_recepisse ?? '') ?? null) : null, day).eligible;
    const persons = candidates.filter((p) => coveredOn(p, first) && coveredOn(p, lastOfMonth));
    if (persons.length === 0) {
      ctx.note('Épisodes de soins : le registre est vide, aucun épisode créé');
      return;
    }
    // In the current month, nothing after today, and today nothing after the present minute (the
    // day's list must not show the afternoon to come).
    const end = month === today.slice(0, 7) ? today : lastOfMonth;
    const now = clock.now();
    const days: string[] = [];
    for (let d = first; d <= end; d = addDays(d, 1)) days.push(d);
    const random = randomFor(month);
    // Admissions from 07:30 to 16:30, in order so that episode numbers follow time.
    const when = Array.from({ length: episodes }, () => {
      const drawn = Math.floor(random() * DESK_SPAN);
      const day = days[Math.floor(random() * days.length)]!;
      const minutes = deskMinute(day, today, now, drawn);
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return `${day}T${time}:00.000Z`;
    }).sort();
    // A reception slip: one admission keyed again half a minute later, same patient, same acts.
    const slip = Math.floor(when.length / 3);
    const twinAt = when.length >= 3 ? `${when[slip]!.slice(0, 16)}:30.000Z` : null;
    if (twinAt) {
      when[slip + 1] = twinAt;
      when.sort();
    }
    let last: Made | undefined;
    for (let start = 0; start < when.length; start += 100) {
      ctx.note(`Épisodes de soins : ${start} sur ${when.length}`);
      await handle.db.transaction().execute(async (trx) => {
        for (const [i, at] of when.slice(start, start + 100).entries()) {
          const twin = at === twinAt && last?.closed ? last : undefined;
          last = await oneEpisode({ ...actingAs(ctx.deps, 'accueil'), db: trx }, random, persons, at, today, {
            twin,
            keep: when[start + i + 1] === twinAt,
          });
        }
      });
    }
    ctx.note(`Épisodes de soins : ${when.length} créés`);
  },
};
