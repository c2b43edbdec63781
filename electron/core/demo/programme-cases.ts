import { addDays } from '../../../shared/lib/dates';
import type { EpisodeType } from '../../../shared/domain/episodes';
import { ageOn } from '../../../shared/rules/eligibility';
import { needsHolder } from '../../../shared/rules/eligibility';
import { eligibilityOnDate, holdersOf } from '../claims/eligibility';
import { isoToday } from '../clock';
import { actingAs } from '../service-context';
import { createEpisode } from '../episodes/create';
import { closeEpisode, setDiagnosis } from '../episodes/lifecycle';
import { addLine } from '../episodes/lines';
import { dispense } from '../pharmacy/dispense';
import { receiveBatch } from '../pharmacy/stock';
import { WALKTHROUGH_HOLDER } from './episodes';
import type { DemoPart } from './part';

/** Episodes the part adds to the demo month, beyond the `episodes` asked for. */
export const DEMO_PROGRAMME_EPISODES = 6;

interface ProgrammeCase {
  who: 'child' | 'woman' | 'adult';
  type: EpisodeType;
  diagnosis: string;
  icd10: string;
  acts: Array<[string, number]>;
  medicines?: Array<[string, number]>;
}

/**
 * One episode per free-care programme of the reviewed list (resources/programmes-gratuite.csv)
 * that a CSCOM's acts and medicines can reach, the diagnosis keyed first as the desk should: the
 * lines go to the programme, never to the RAMED claim, and each programme has its statement.
 * The caesarean is not among them: a CSCOM does not perform it.
 */
const CASES: ProgrammeCase[] = [
  {
    who: 'child',
    type: 'consultation_externe',
    diagnosis: 'Paludisme simple de l’enfant',
    icd10: 'B54',
    acts: [
      ['CS-CUR', 1],
      ['LB-TDR', 1],
    ],
    medicines: [['AL2006C', 1]],
  },
  {
    who: 'woman',
    type: 'maternite',
    diagnosis: 'Consultation prénatale, TDR du paludisme et TPI',
    icd10: 'Z34.9',
    acts: [
      ['MA-CPN', 1],
      ['LB-TDR', 1],
    ],
    medicines: [['SP500C', 3]],
  },
  {
    who: 'adult',
    type: 'consultation_externe',
    diagnosis: 'Tuberculose pulmonaire confirmée',
    icd10: 'A15.0',
    acts: [
      ['CS-CUR', 1],
      ['LB-HB', 1],
    ],
  },
  { who: 'adult', type: 'consultation_externe', diagnosis: 'Infection à VIH, suivi', icd10: 'B24', acts: [['CS-CUR', 1]] },
  { who: 'adult', type: 'consultation_externe', diagnosis: 'Lèpre, suivi du traitement', icd10: 'A30.9', acts: [['CS-CUR', 1]] },
  { who: 'child', type: 'autre', diagnosis: 'Vaccination (PEV)', icd10: 'Z27.1', acts: [['SO-INJ', 1]] },
];

/** The programmes' month: a malaria case for a child under five and a pregnant woman, then TB, HIV, leprosy and vaccination. */
export const demoProgrammeCases: DemoPart = {
  label: 'Programmes de gratuité : un cas par programme',
  async run(ctx) {
    const { handle, clock } = ctx.deps;
    const { month } = ctx.options;
    const first = `${month}-01`;
    const yesterday = addDays(isoToday(clock), -1);
    const lastOfMonth = addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
    const end = yesterday < lastOfMonth ? yesterday : lastOfMonth;
    if (addDays(end, 1 - CASES.length) < first) return ctx.note('Programmes : le mois n’a pas encore assez de jours passés');
    const candidates = await handle.db.selectFrom('person').selectAll().where('status', '=', 'actif').orderBy('id').limit(5000).execute();
    const holders = await holdersOf(handle.db, candidates);
    const covered = (p: (typeof candidates)[number], day: string) =>
      eligibilityOnDate(p, needsHolder(p) ? (holders.get(p.holder_recepisse ?? '') ?? null) : null, day).eligible;
    // Not the household the guides walk through at the desk (demo/episodes.ts): its history stays plain.
    const persons = candidates.filter(
      (p) =>
        p.recepisse !== WALKTHROUGH_HOLDER && p.holder_recepisse !== WALKTHROUGH_HOLDER && covered(p, first) && covered(p, lastOfMonth),
    );
    const fits = {
      child: (p: (typeof persons)[number], day: string) => ageOn(p.birth_date, day) < 5,
      woman: (p: (typeof persons)[number], day: string) =>
        p.sex === 'F' && ageOn(p.birth_date, day) >= 18 && ageOn(p.birth_date, day) <= 45,
      adult: (p: (typeof persons)[number], day: string) => ageOn(p.birth_date, day) >= 18,
    };
    const w = (at: string, login = 'accueil') => actingAs(ctx.deps, login, at);
    const receivedOn = addDays(first, -45);
    // The intermittent preventive treatment of pregnant women, received for the programme.
    await receiveBatch(w(`${receivedOn}T09:00:00.000Z`, 'pharmacie'), {
      medicineCode: 'SP500C',
      lot: 'SP25048',
      quantity: 90,
      unitCost: 20,
      supplier: 'PPM Bamako',
      receivedOn,
      expiry: addDays(isoToday(clock), 300),
    });
    const made: string[] = [];
    const used = new Set<number>();
    for (const [i, c] of CASES.entries()) {
      const day = addDays(end, -i);
      // A patient per disease, but the same child may come back for a vaccination.
      const person = persons.find((p) => fits[c.who](p, day) && (c.who === 'child' || !used.has(p.id)));
      if (!person) continue;
      used.add(person.id);
      const { id } = await createEpisode(w(`${day}T08:45:00.000Z`), {
        personId: person.id,
        type: c.type,
        emergency: false,
        identityDocument: 'recepisse_seul',
        identityMatches: true,
        eligibility: { eligible: true, reasons: [], warnings: [] },
      });
      // A programme defined by the diagnosis covers the lines keyed after it.
      await setDiagnosis(w(`${day}T09:00:00.000Z`), { episodeId: id, diagnosis: c.diagnosis, icd10: c.icd10 });
      for (const [code, quantity] of c.acts) {
        await addLine(w(`${day}T09:05:00.000Z`), { episodeId: id, code, quantity, performedOn: day, prescriber: 'Dr Sidibé' });
      }
      for (const [medicineCode, quantity] of c.medicines ?? []) {
        await dispense(w(`${day}T09:40:00.000Z`, 'pharmacie'), { episodeId: id, medicineCode, quantity, prescriber: 'Dr Sidibé' });
      }
      await closeEpisode(w(`${day}T16:00:00.000Z`), {
        episodeId: id,
        endedOn: day,
        diagnosis: c.diagnosis,
        icd10: c.icd10,
        outcome: 'gueri',
      });
      made.push(c.icd10);
    }
    ctx.note(`Programmes : ${made.length} épisodes couverts par un programme de gratuité`);
  },
};
