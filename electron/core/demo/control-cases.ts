import { addDays } from '../../../shared/lib/dates';
import { ageOn } from '../../../shared/rules/eligibility';
import type { EpisodeType } from '../../../shared/domain/episodes';
import { isoToday } from '../clock';
import { actingAs } from '../service-context';
import { createEpisode } from '../episodes/create';
import { closeEpisode } from '../episodes/lifecycle';
import { addLine } from '../episodes/lines';
import type { DemoPart } from './part';

/** Episodes the part adds to the demo month, beyond the `episodes` asked for. */
export const DEMO_CONTROL_EPISODES = 8;

/**
 * What the médecin conseil looks for, planted in the demo month so that the claim's plausibility
 * flags have something to show: a delivery billed for a man in his fifties, one patient seen five
 * days running, two overlapping stays of one patient (the second billing more days than it lasted).
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
    const man = persons.find((p) => p.sex === 'M' && ageOn(p.birth_date, start) >= 50 && ageOn(p.birth_date, start) <= 65);
    const others = persons.filter((p) => p !== man && ageOn(p.birth_date, start) >= 18);
    if (!man || others.length < 2) return ctx.note('Cas à contrôler : registre trop petit');

    const episode = async (personId: number, type: EpisodeType, from: string, to: string, acts: Array<[string, number]>) => {
      const at = `${from}T09:00:00.000Z`;
      const w = actingAs(ctx.deps, 'accueil', at);
      const { id } = await createEpisode(handle.db, w.clock, 'accueil', {
        personId,
        type,
        emergency: false,
        identityDocument: 'recepisse_seul',
        identityMatches: true,
        eligibility: { eligible: true, reasons: [], warnings: [] },
      });
      for (const [code, quantity] of acts) await addLine(w, { episodeId: id, code, quantity, performedOn: from, prescriber: 'Dr Maïga' });
      await closeEpisode(actingAs(ctx.deps, 'accueil', `${to}T16:00:00.000Z`), {
        episodeId: id,
        endedOn: to,
        diagnosis: 'Cas de démonstration',
        outcome: 'gueri',
      });
    };
    await episode(man.id, 'maternite', start, start, [['MA-ACC', 1]]);
    for (let d = 0; d < 5; d++) await episode(others[0]!.id, 'consultation_externe', addDays(start, d), addDays(start, d), [['CS-CUR', 1]]);
    await episode(others[1]!.id, 'hospitalisation', start, addDays(start, 2), [['HO-OBS', 3]]);
    await episode(others[1]!.id, 'hospitalisation', addDays(start, 1), addDays(start, 2), [['HO-OBS', 3]]);
    ctx.note('Cas à contrôler : accouchement facturé pour un homme, 5 consultations en 5 jours, séjours qui se chevauchent');
  },
};
