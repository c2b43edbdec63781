import { addDays } from '../../../shared/lib/dates';
import { isoToday } from '../clock';
import { actingAs } from '../service-context';
import { dispense } from '../pharmacy/dispense';
import { isDispensable } from '../pharmacy/episodes';
import { receiveBatch } from '../pharmacy/stock';
import type { DemoPart } from './part';

/**
 * A medicine off the national essential list (carbocistéine syrup), given once with its
 * justification on the month's latest closed consultation: the pharmacy shows « hors liste », the
 * episode its justification, and the claim a warning.
 */
export const demoOffListCase: DemoPart = {
  label: 'Médicament hors liste essentielle, justifié',
  async run(ctx) {
    const { handle, clock } = ctx.deps;
    const first = `${ctx.options.month}-01`;
    const now = clock.now().getTime();
    // The latest consultation of the month closed at least half an hour ago: dispensed on its closing day.
    const closed = await handle.db
      .selectFrom('episode')
      .selectAll()
      .where('opened_at', '>=', first)
      .where('type', '=', 'consultation_externe')
      .where('status', '=', 'clos')
      .orderBy('closed_at', 'desc')
      .limit(50)
      .execute();
    const episode = closed.find((e) => e.closed_at !== null && Date.parse(e.closed_at) + 30 * 60_000 <= now);
    if (!episode?.closed_at) return ctx.note('Hors liste : aucune consultation close dans le mois');
    const at = new Date(Date.parse(episode.closed_at) + 30 * 60_000).toISOString();
    if (!isDispensable(episode, at.slice(0, 10))) return ctx.note('Hors liste : consultation close la veille, non dispensable');
    const writer = (when: string) => actingAs(ctx.deps, 'pharmacie', when);
    const receivedOn = addDays(first, -45);
    await receiveBatch(writer(`${receivedOn}T09:00:00.000Z`), {
      medicineCode: 'CARBO5S',
      lot: 'CB24117',
      quantity: 12,
      unitCost: 600,
      supplier: 'PPM Bamako',
      receivedOn,
      expiry: addDays(isoToday(clock), 400),
    });
    await dispense(writer(at), {
      episodeId: episode.id,
      medicineCode: 'CARBO5S',
      quantity: 1,
      prescriber: 'Dr Maïga',
      offListReason: 'Toux productive, intolérance à l’équivalent de la liste',
    });
    ctx.note('Hors liste : un flacon de carbocistéine dispensé avec sa justification');
  },
};
