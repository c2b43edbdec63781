import QRCode from 'qrcode';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createUser } from '../../electron/core/auth/users';
import { actingAs } from '../../electron/core/service-context';
import { SLIP_QR } from '../../electron/core/reception/slip-pdf';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { pdfInfo, pdfText, renderGrey, savedPdf } from '../support/pdf';
import { insertPersons } from '../support/persons';
import { setFacility } from '../support/reference';

const HOLDER = '1111234567890';
const SPOUSE = '1111234567891';

/** Reads the QR code's modules off the rendered page: the dark squares inside the slip's QR box. */
function printedModules(path: string, size: number): boolean[][] {
  const dpi = 300;
  const page = renderGrey(path, dpi);
  const px = (mm: number) => Math.round((mm * dpi) / 25.4);
  let [left, top, right, bottom] = [Infinity, Infinity, -1, -1];
  for (let y = px(SLIP_QR.y - 1); y < px(SLIP_QR.y + SLIP_QR.size + 1); y++) {
    for (let x = px(SLIP_QR.x - 1); x < px(SLIP_QR.x + SLIP_QR.size + 1); x++) {
      if (page.at(x, y) >= 128) continue;
      [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
    }
  }
  const cell = (right - left + 1) / size;
  expect(Math.abs((bottom - top + 1) / size - cell)).toBeLessThan(1);
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => page.at(Math.floor(left + (col + 0.5) * cell), Math.floor(top + (row + 0.5) * cell)) < 128),
  );
}

/** The symbol the qrcode library makes for `text`, at whichever error correction level matches the print. */
function symbolsOf(text: string): boolean[][][] {
  return (['L', 'M', 'Q', 'H'] as const).map((level) => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: level });
    return Array.from({ length: modules.size }, (_, row) => Array.from({ length: modules.size }, (_, col) => modules.get(row, col) === 1));
  });
}

// The test clock reads 16 November 2026, 09:30.
describeEachDb('admission slip', (kind) => {
  let core: TestCore;
  let accueil: Client;

  beforeEach(async () => {
    core = await openTestCore(kind);
    await setFacility(core, 'cscom');
    await insertPersons(core.deps.handle.db, [
      { recepisse: HOLDER, family_name: 'Traoré', given_names: 'Séydou', sex: 'M', birth_date: '1968-01-01' },
      { recepisse: SPOUSE, family_name: 'Keïta', given_names: 'Aïssata', quality: 'conjoint', holder_recepisse: HOLDER },
    ]);
    await core.deps.handle.db
      .updateTable('person')
      .set({ birth_year_only: 1, valid_from: '2025-02-01', valid_to: '2028-01-31' })
      .where('recepisse', '=', HOLDER)
      .execute();
    await createUser(actingAs(core.deps, 'admin'), {
      login: 'aminata',
      fullName: 'Aminata Traoré',
      roles: ['accueil'],
      password: 'mot-de-passe-de-test',
      mustChangePassword: false,
    });
    accueil = clientFor(core, slotAs(['accueil'], null, 'aminata'));
  });
  afterEach(async () => core.dispose());

  async function admitted(input: Record<string, unknown>): Promise<{ episodeId: number; number: string }> {
    const result = await accueil.reception.admit({
      type: 'consultation_externe',
      identityDocument: 'cni_nina',
      identityNumber: '15068012345678B',
      identityMatches: true,
      ...input,
    } as never);
    if (!result.ok || result.value.outcome !== 'admitted') throw new Error(JSON.stringify(result));
    return result.value;
  }

  it('prints an A5 slip with the facility, patient, rights, visit, identity check, agent and time', async () => {
    const { episodeId, number } = await admitted({ recepisse: HOLDER, referralFrom: 'CSCOM de Banconi', referralRef: 'R-2026-114' });
    const slip = await accueil.reception.slip({ episodeId });
    if (!slip.ok) throw new Error(slip.error.message);
    expect(slip.value).toMatchObject({ fileName: `fiche-admission-${number}.pdf`, mimeType: 'application/pdf' });
    const file = savedPdf(slip.value);
    try {
      const info = pdfInfo(file.path);
      expect(info).toMatch(/^Pages:\s+1$/m);
      // A5: 148 × 210 mm.
      expect(info).toMatch(/^Page size:\s+419\.53 x 595\.28 pts/m);
      const text = pdfText(file.path).replace(/\s+/g, ' ');
      for (const expected of [
        'Structure de test',
        'CSCOM · code T01',
        'FICHE D’ADMISSION RAMED',
        number,
        'Admis le 16/11/2026 à 09:30',
        'par Aminata Traoré (aminata)',
        'TRAORÉ Séydou',
        'Masculin, né vers 1968',
        '1111 2345 67890',
        'Qualité Titulaire',
        'ÉLIGIBLE le 16/11/2026',
        'Validité du 01/02/2025 au 31/01/2028',
        'Type Consultation externe',
        'Urgence Non',
        'Référé par CSCOM de Banconi (réf. R-2026-114)',
        'Carte NINA / CNI n° 15068012345678B',
        'La pièce correspond à la personne',
        'Imprimé le 16/11/2026 à 09:30',
        'Page 1/1',
      ]) {
        expect(text).toContain(expected);
      }
    } finally {
      file.dispose();
    }
  });

  it('gives a dependant the holder’s validity and flags an admission without any identity document', async () => {
    const { episodeId } = await admitted({
      recepisse: SPOUSE,
      identityDocument: 'aucun',
      identityNumber: undefined,
      identityMatches: null,
    });
    const slip = await clientFor(core, slotAs(['gestionnaire'])).reception.slip({ episodeId });
    if (!slip.ok) throw new Error(slip.error.message);
    const file = savedPdf(slip.value);
    try {
      const text = pdfText(file.path).replace(/\s+/g, ' ');
      expect(text).toContain('KEÏTA Aïssata');
      expect(text).toContain('Féminin, née le 01/01/1990');
      expect(text).toContain('Conjoint(e) (titulaire du foyer : 1111 2345 67890)');
      expect(text).toContain('Validité du 01/02/2025 au 31/01/2028 (récépissé du titulaire)');
      expect(text).toMatch(/Avertissements [^;]*(; [^;]*)*Identité non vérifiée Venue/);
      expect(text).toContain('Pièce présentée Aucune pièce');
      expect(text).toContain('Identité non vérifiée (aucune pièce)');
    } finally {
      file.dispose();
    }
  });

  it('carries a QR code of the episode number, as the pharmacy’s search field takes it', async () => {
    const { episodeId, number } = await admitted({ recepisse: HOLDER });
    const slip = await accueil.reception.slip({ episodeId });
    if (!slip.ok) throw new Error(slip.error.message);
    const file = savedPdf(slip.value);
    try {
      const candidates = symbolsOf(number);
      const printed = printedModules(file.path, candidates[0]!.length);
      expect(candidates).toContainEqual(printed);
      expect(symbolsOf(`${number}0`)).not.toContainEqual(printed);
    } finally {
      file.dispose();
    }
    // What the scanner types is what the pharmacy looks up.
    const found = await clientFor(core, slotAs(['pharmacie'])).pharmacy.findEpisodes({ reference: number });
    expect(found).toMatchObject({ ok: true, value: [{ id: episodeId, number }] });
  });

  it('refuses an unknown episode', async () => {
    expect(await accueil.reception.slip({ episodeId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
