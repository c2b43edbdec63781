import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../electron/core/app';
import type { FacilityLevel } from '../../shared/domain/facility';
import type { ReferenceImportReport } from '../../shared/domain/reference';
import { clientFor, slotAs } from './db';

/** Writes a CSV (lines joined by \n, or raw bytes) to a temp file and hands it to the core as a window would. */
export function registerCsv(core: Core, content: string | Buffer, name = 'liste.csv'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ramed-csv-')), name);
  writeFileSync(path, content);
  return core.deps.files.register(path).ref;
}

export async function importList(core: Core, kind: 'tariffs' | 'medicines', content: string | Buffer): Promise<ReferenceImportReport> {
  const admin = clientFor(core, slotAs(['admin']));
  const file = registerCsv(core, content);
  const result = kind === 'tariffs' ? await admin.tariffs.import({ file }) : await admin.medicines.import({ file });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

export async function setFacility(core: Core, level: FacilityLevel): Promise<void> {
  const result = await clientFor(core, slotAs(['admin'])).facility.update({ code: 'T01', name: 'Structure de test', level });
  if (!result.ok) throw new Error(result.error.message);
}

export const TARIFF_HEADER = 'code;libelle;categorie;niveaux;prix;debut_effet;fin_effet;ramed;quantite_max;exclusion;cesarienne';

/**
 * A small tariff list: the consultation's price changes on 15 November 2026 at the CSCOM level,
 * one act per exclusion, a caesarean, an act not covered and one limited per episode.
 */
export const TEST_TARIFFS = [
  TARIFF_HEADER,
  'CS-CUR;Consultation curative;consultation;cscom;500;2024-01-01;;1;;;',
  'CS-CUR;Consultation curative;consultation;cscom;600;2026-11-15;;1;;;',
  'CS-CUR;Consultation curative;consultation;csref|hopital;1000;2024-01-01;;1;;;',
  'LB-GE;Goutte épaisse;laboratoire;cscom|csref;500;2024-01-01;;1;2;;',
  'LB-NFS;Numération formule sanguine;laboratoire;csref|hopital;2500;2024-01-01;;1;;;',
  'HO-OBS;Mise en observation (par jour);hospitalisation;cscom;1000;2024-01-01;;1;3;;',
  'MA-CES;Césarienne;maternite;csref|hopital;75000;2024-01-01;;0;1;;1',
  'SO-CERT;Certificat médical;autre;cscom|csref;2000;2024-01-01;;0;;;',
  'EX-EVAC;Évacuation sanitaire à l’étranger;autre;cscom|csref|hopital;0;2024-01-01;;0;;evacuation_etranger;',
  'EX-PROT;Prothèse dentaire;autre;cscom|csref;45000;2024-01-01;;0;;prothese_dentaire;',
  'EX-LUN;Lunettes correctrices;autre;cscom|csref;15000;2024-01-01;;0;;lunettes;',
  'EX-ESTH;Chirurgie esthétique;chirurgie;cscom|csref;150000;2024-01-01;;0;;esthetique;',
].join('\n');
