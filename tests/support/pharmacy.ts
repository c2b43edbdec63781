import type { Clock } from '../../electron/core/clock';
import type { Client } from '../../shared/contract/client';
import { clientFor, openTestCore, slotAs, type TestCore, type TestDbKind } from './db';
import { openEpisode } from './episodes';
import { insertPersons, somePerson } from './persons';
import { importList, setFacility } from './reference';

const MEDICINE_HEADER = 'code;dci;forme;dosage;unite;prix;liste_essentielle;debut_effet;fin_effet';

/** Paracetamol's price changes on 15 November 2026; amoxicillin and ORS keep theirs. */
export const TEST_MEDICINES = [
  MEDICINE_HEADER,
  'PARA500C;Paracétamol;comprimé;500 mg;comprimé;10;1;2024-01-01;',
  'PARA500C;Paracétamol;comprimé;500 mg;comprimé;15;1;2026-11-15;',
  'AMOX500G;Amoxicilline;gélule;500 mg;gélule;25;1;2024-01-01;',
  'SRO;Sels de réhydratation orale;sachet;20,5 g;sachet;100;1;2024-01-01;',
].join('\n');

/** A clock the test moves forward, day by day. */
export function movableClock(iso: string): Clock & { set(iso: string): void } {
  let current = iso;
  return { now: () => new Date(current), set: (next) => (current = next) };
}

export interface PharmacySetup {
  core: TestCore;
  pharmacist: Client;
  personId: number;
  episodeId: number;
}

/** A CSCOM with the test medicines, one person and one open episode. */
export async function pharmacySetup(kind: TestDbKind, clock?: Clock): Promise<PharmacySetup> {
  const core = await openTestCore(kind, clock ? { clock } : {});
  await setFacility(core, 'cscom');
  await importList(core, 'medicines', TEST_MEDICINES);
  const personId = (await insertPersons(core.deps.handle.db, [somePerson(1)]))[0]!;
  const episode = await openEpisode(core, personId);
  return { core, pharmacist: clientFor(core, slotAs(['pharmacie'], null, 'pharma1')), personId, episodeId: episode.id };
}

export async function receive(
  client: Client,
  medicineCode: string,
  lot: string,
  expiry: string,
  quantity: number,
  receivedOn = '2026-11-01',
): Promise<number> {
  const r = await client.pharmacy.receive({ medicineCode, lot, expiry, quantity, unitCost: 5, supplier: 'PPM Bamako', receivedOn });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

export async function usable(client: Client, medicineCode: string): Promise<number> {
  const r = await client.pharmacy.stockItems({});
  if (!r.ok) throw new Error(r.error.message);
  return r.value.find((i) => i.medicineCode === medicineCode)!.usable;
}
