import { addDays } from '../../../shared/lib/dates';
import { ageOn } from '../../../shared/rules/eligibility';
import type { EpisodeType } from '../../../shared/domain/episodes';
import { isoToday } from '../clock';
import { actingAs } from '../service-context';
import { createEpisode } from '../episodes/create';
import { closeEpisode } from '../episodes/lifecycle';
import { addLine } from '../episodes/lines';
import { dispense } from '../pharmacy/dispense';
import { receiveBatch } from '../pharmacy/stock';
import type { DemoPart } from './part';

/** Episodes the part adds to the demo month, beyond the `episodes` asked for. */
export const DEMO_CONTROL_EPISODES = 12;

interface Case {
  type: EpisodeType;
  from: string;
  to: string;
  acts: Array<[string, number]>;
  /** A medicine given while the episode is open: [code, units]. */
  medicine?: [string, number];
  /** Admitted although the identity card did not match (with the agent's reason). */
  mismatch?: string;
}

/**
 * What the médecin conseil looks for, planted in the demo month so that each claim check that
 * data keyed through the application can raise has a case to show: a delivery billed for a man
 * past 55, one patient seen five days running, two overlapping stays of one patient (the second
 * billing more days than it lasted), a woman's second delivery three days after the first, an
 * admission on a card that did not match, and a metformin line past the daily dose and the
 * per-line quantity.
 */
export const demoControlCases: DemoPart = {
  label: 'Cas à contrôler (plausibilité)',
  async run(ctx) {
    const { handle, clock } = ctx.deps;
    const { month } = ctx.options;
    const yesterday = addDays(isoToday(clock), -1);
    const lastOfMonth = addDays(`${addDays(`${month}-01`, 31).slice(0, 7)}-01`, -1);
    const end = yesterday < lastOfMonth ? yesterday : lastOfMonth;
    const start = addDays(end, -5);
    if (start < `${month}-01`) return ctx.note('Cas à contrôler : le mois n’a pas encore six jours passés');
    const persons = await handle.db
      .selectFrom('person')
      .select(['id', 'sex', 'birth_date'])
      .where('status', '=', 'actif')
      .where('valid_from', '<=', `${month}-01`)
      .where('valid_to', '>=', lastOfMonth)
      .where('quality', '=', 'titulaire')
      .orderBy('id')
      .limit(2000)
      .execute();
    const aged = (p: (typeof persons)[number], min: number, max: number) =>
      ageOn(p.birth_date, start) >= min && ageOn(p.birth_date, start) <= max;
    // Past 55, the delivery is implausible by sex and by age; in his fifties, by sex only.
    const man = persons.find((p) => p.sex === 'M' && aged(p, 56, 65)) ?? persons.find((p) => p.sex === 'M' && aged(p, 50, 65));
    const woman = persons.find((p) => p.sex === 'F' && aged(p, 18, 55));
    const others = persons.filter((p) => p !== man && p !== woman && aged(p, 18, 120));
    if (!man || !woman || others.length < 3) return ctx.note('Cas à contrôler : registre trop petit');

    const w = (at: string, login = 'accueil') => actingAs(ctx.deps, login, at);
    // A metformin batch of its own: the other medicines' stock is the pharmacy's month.
    await receiveBatch(w(`${addDays(`${month}-01`, -45)}T09:00:00.000Z`, 'pharmacie'), {
      medicineCode: 'METF500',
      lot: 'MF25061',
      quantity: 500,
      unitCost: 12,
      supplier: 'PPM Bamako',
      receivedOn: addDays(`${month}-01`, -45),
      expiry: addDays(isoToday(clock), 500),
    });
    const episode = async (personId: number, c: Case) => {
      const { id } = await createEpisode(w(`${c.from}T09:00:00.000Z`), {
        personId,
        type: c.type,
        emergency: false,
        identityDocument: c.mismatch ? 'cni_nina' : 'recepisse_seul',
        identityMatches: !c.mismatch,
        ...(c.mismatch ? { identityMismatchReason: c.mismatch } : {}),
        eligibility: { eligible: true, reasons: [], warnings: [] },
      });
      for (const [code, quantity] of c.acts) {
        await addLine(w(`${c.from}T09:00:00.000Z`), { episodeId: id, code, quantity, performedOn: c.from, prescriber: 'Dr Maïga' });
      }
      if (c.medicine) {
        const [medicineCode, quantity] = c.medicine;
        await dispense(w(`${c.from}T09:40:00.000Z`, 'pharmacie'), { episodeId: id, medicineCode, quantity, prescriber: 'Dr Maïga' });
      }
      await closeEpisode(w(`${c.to}T16:00:00.000Z`), { episodeId: id, endedOn: c.to, diagnosis: 'Cas de démonstration', outcome: 'gueri' });
    };
    const day = (n: number) => addDays(start, n);
    const visit = (n: number, acts: Case['acts'], more: Partial<Case> = {}): Case => ({
      type: 'consultation_externe',
      from: day(n),
      to: day(n),
      acts,
      ...more,
    });
    await episode(man.id, visit(0, [['MA-ACC', 1]], { type: 'maternite' }));
    for (let d = 0; d < 5; d++) await episode(others[0]!.id, visit(d, [['CS-CUR', 1]]));
    await episode(others[1]!.id, { type: 'hospitalisation', from: day(0), to: day(2), acts: [['HO-OBS', 3]] });
    await episode(others[1]!.id, { type: 'hospitalisation', from: day(1), to: day(2), acts: [['HO-OBS', 3]] });
    await episode(woman.id, visit(0, [['MA-ACC', 1]], { type: 'maternite' }));
    await episode(woman.id, visit(3, [['MA-ACC', 1]], { type: 'maternite' }));
    await episode(
      others[2]!.id,
      visit(2, [['CS-CUR', 1]], { mismatch: 'Photo de la carte peu ressemblante, admis sur la parole du titulaire' }),
    );
    await episode(others[2]!.id, visit(4, [['CS-CUR', 1]], { medicine: ['METF500', 180] }));
    ctx.note(
      'Cas à contrôler : accouchement facturé pour un homme, 5 consultations en 5 jours, séjours qui se chevauchent, ' +
        'deux accouchements en 3 jours, pièce non concordante, metformine au-delà de la dose',
    );
  },
};
