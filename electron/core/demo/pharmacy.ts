import { addDays } from '../../../shared/lib/dates';
import { isoToday } from '../clock';
import { actingAs } from '../service-context';
import { dispense } from '../pharmacy/dispense';
import { isDispensable } from '../pharmacy/episodes';
import { receiveBatch, setThreshold } from '../pharmacy/stock';
import type { DemoPart } from './part';

/** [code, lot, quantity, unit cost, days from today to expiry]; ZINC20C and CIPRO500 are never received. */
const RECEIPTS: Array<[string, string, number, number, number]> = [
  ['PARA500C', 'PA24117', 600, 6, 30],
  ['PARA500C', 'PA25031', 1500, 6, 420],
  ['AMOX500G', 'AM24288', 300, 15, 75],
  ['AMOX500G', 'AM25102', 600, 15, 510],
  ['AMOX125S', 'AS25007', 6, 380, 300],
  ['AL2012C', 'AL25044', 40, 800, 200],
  ['AL2006C', 'AD25019', 60, 260, 45],
  ['SRO', 'SR24310', 150, 60, 240],
  ['FERFOL', 'FF25066', 1200, 3, 365],
  ['METRO250', 'MT25020', 400, 6, 600],
  ['CTX480C', 'CT25002', 300, 6, 150],
  ['OXYTO10', 'OX25011', 40, 160, 80],
  ['ALBE400', 'AB25090', 100, 30, 700],
  ['IBU400C', 'IB25013', 200, 9, 330],
];

/** What the prescriber writes for each diagnosis of the episodes demo: [code, quantity]. */
function prescription(diagnosis: string | null): Array<[string, number]> {
  const d = (diagnosis ?? '').toLowerCase();
  if (d.includes('paludisme'))
    return [
      ['AL2012C', 1],
      ['PARA500C', 9],
    ];
  if (d.includes('diarrh'))
    return [
      ['SRO', 4],
      ['ZINC20C', 10],
    ];
  if (d.includes('respiratoire') || d.includes('pneumo'))
    return [
      ['AMOX500G', 15],
      ['PARA500C', 6],
    ];
  if (d.includes('urinaire')) return [['CIPRO500', 10]];
  if (d.includes('accouchement') || d.includes('grossesse') || d.includes('prénatal')) return [['FERFOL', 30]];
  if (d.includes('enfant') || d.includes('otite'))
    return [
      ['AMOX125S', 1],
      ['PARA120S', 1],
    ];
  return [['PARA500C', 6]];
}

/**
 * The pharmacy's month: stock received before the month (some batches near expiry, one already
 * expired), thresholds, the medicines of the month's episodes given FEFO in time order, and what
 * could not be served (two medicines never received, one emptied) recorded as unmet demand.
 */
export const demoPharmacy: DemoPart = {
  label: 'Pharmacie : stock et dispensations',
  async run(ctx) {
    const { handle, clock } = ctx.deps;
    const today = isoToday(clock);
    const first = `${ctx.options.month}-01`;
    const receivedOn = addDays(first, -45);
    const writer = (at: string) => actingAs(ctx.deps, 'pharmacie', at);
    const atReceipt = writer(`${receivedOn}T09:00:00.000Z`);
    for (const [medicineCode, lot, quantity, unitCost, days] of RECEIPTS) {
      await receiveBatch(atReceipt, {
        medicineCode,
        lot,
        quantity,
        unitCost,
        supplier: 'PPM Bamako',
        receivedOn,
        expiry: addDays(today, days),
      });
    }
    // Expired two days ago and still on the shelf, waiting to be written off.
    await receiveBatch(atReceipt, {
      medicineCode: 'QUIN400I',
      lot: 'QN24051',
      quantity: 25,
      unitCost: 180,
      supplier: 'PPM Bamako',
      receivedOn,
      expiry: addDays(today, -2),
    });
    for (const [medicineCode, threshold] of [
      ['PARA500C', 300],
      ['AMOX500G', 200],
      ['AL2012C', 30],
      ['SRO', 100],
      ['ZINC20C', 100],
      ['OXYTO10', 20],
    ] as const) {
      await setThreshold(atReceipt, { medicineCode, threshold });
    }

    const episodes = await handle.db
      .selectFrom('episode')
      .select(['id', 'status', 'opened_at', 'closed_at', 'diagnosis', 'ended_on'])
      .where('opened_at', '>=', first)
      .orderBy('opened_at')
      .execute();
    // The pharmacy sees the patient soon after the consultation, or on the day of discharge after a stay.
    const visits = episodes
      .map((e) => {
        const day = e.ended_on && e.ended_on > e.opened_at.slice(0, 10) ? `${e.ended_on}T15:00:00.000Z` : addMinutes(e.opened_at, 40);
        return { episode: e, at: day };
      })
      .filter((v) => v.at.slice(0, 10) <= today && isDispensable(v.episode, v.at.slice(0, 10)))
      .sort((a, b) => a.at.localeCompare(b.at));
    let lines = 0;
    let unmet = 0;
    for (const [i, v] of visits.entries()) {
      if (i % 50 === 0) ctx.note(`Pharmacie : dispensations ${i} sur ${visits.length}`);
      for (const [medicineCode, quantity] of prescription(v.episode.diagnosis ?? (v.episode.status === 'ouvert' ? 'paludisme' : null))) {
        const result = await dispense(writer(v.at), {
          episodeId: v.episode.id,
          medicineCode,
          quantity,
          prescriber: 'Dr Coulibaly',
          serveAvailable: true,
        });
        lines += result.lines.length;
        if (result.unmet) unmet++;
      }
    }
    ctx.note(`Pharmacie : ${RECEIPTS.length + 1} lots reçus, ${lines} lignes dispensées, ${unmet} demandes non satisfaites`);
  },
};

const addMinutes = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();
