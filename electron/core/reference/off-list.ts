import type { Kysely } from 'kysely';
import type { Database } from '../db/schema/index';
import { DomainError } from '../errors';
import { getSetting } from '../settings/settings';

/** How the medicine reaches the patient: the pharmacy gives it, or the desk keys it as an act of the tariff list. */
export type OffListEntry = 'dispensation' | 'acte';

const WORDS: Record<OffListEntry, { field: string; verb: string; participle: string }> = {
  dispensation: { field: 'medicineCode', verb: 'dispense', participle: 'dispensé' },
  acte: { field: 'code', verb: 'facture', participle: 'facturé' },
};

/**
 * A medicine off the national essential list, for a RAMED patient: refused, or given with its
 * justification, as the facility's setting `pharmacy.offListMedicines` says. The same rule at the
 * pharmacy and for a medicine keyed as an act; answers the justification to keep on the line.
 */
export async function offListJustification(
  db: Kysely<Database>,
  entry: OffListEntry,
  dci: string,
  reason: string | undefined,
): Promise<string> {
  const words = WORDS[entry];
  if ((await getSetting(db, 'pharmacy.offListMedicines')) === 'refuser') {
    const message = `${dci} est hors liste nationale des médicaments essentiels : l’établissement ne le ${words.verb} pas au titre du RAMED.`;
    throw new DomainError('REFUSED', message, { [words.field]: message });
  }
  if (!reason) {
    const message = `${dci} est hors liste nationale des médicaments essentiels : indiquez pourquoi il est ${words.participle}.`;
    throw new DomainError('INVALID_INPUT', message, { offListReason: message });
  }
  return reason;
}
