import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, slotAs } from '../support/db';
import { movableClock, pharmacySetup, TEST_MEDICINES, type PharmacySetup } from '../support/pharmacy';
import { importList, TARIFF_HEADER } from '../support/reference';

const MONTH = '2026-11';
const WITH_OFF_LIST = `${TEST_MEDICINES}\nCARBO5S;Carbocistéine;sirop;5 %;flacon de 125 ml;900;0;2024-01-01;`;
/** The facility's tariff list carries the carbocistéine syrup as an act, under the medicine's code. */
const TARIFFS = [
  TARIFF_HEADER,
  'CS-CUR;Consultation curative;consultation;cscom;500;2024-01-01;;1;;;',
  'CARBO5S;Carbocistéine 5 % sirop (flacon);autre;cscom;900;2024-01-01;;1;;;',
].join('\n');

/** A medicine off the essential list keyed at the desk as an act: the pharmacy's rule at entry, the claim's check behind it. */
describeEachDb('episodes: a medicine off the essential list keyed as an act', (kind) => {
  let setup: PharmacySetup;
  let clock: ReturnType<typeof movableClock>;
  let admin: Client;
  let desk: Client;
  let manager: Client;

  beforeEach(async () => {
    clock = movableClock('2026-11-10T09:30:00.000Z');
    setup = await pharmacySetup(kind, clock);
    await importList(setup.core, 'tariffs', TARIFFS);
    await importList(setup.core, 'medicines', WITH_OFF_LIST);
    admin = clientFor(setup.core, slotAs(['admin'], null, 'admin'));
    desk = clientFor(setup.core, slotAs(['accueil'], null, 'aminata'));
    manager = clientFor(setup.core, slotAs(['gestionnaire'], null, 'fatoumata'));
  });
  afterEach(async () => setup.core.dispose());

  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const act = (over: { code?: string; offListReason?: string } = {}) =>
    desk.episodes.addLine({
      episodeId: setup.episodeId,
      code: 'CARBO5S',
      quantity: 1,
      performedOn: '2026-11-10',
      prescriber: 'Dr Sidibé',
      ...over,
    });
  const linesOf = async () => ok(await desk.episodes.get({ id: setup.episodeId })).lines;
  const claimFlags = async () => {
    ok(await desk.episodes.close({ episodeId: setup.episodeId, endedOn: '2026-11-10', diagnosis: 'Toux', outcome: 'gueri' }));
    clock.set('2026-12-02T09:30:00.000Z');
    ok(await manager.claims.build({ month: MONTH }));
    return ok(await manager.claims.get({ month: MONTH })).flags.map((f) => [f.code, f.severity, f.message]);
  };

  it('asks for a justification by default, keeps it on the line, and the claim only warns', async () => {
    expect(await act()).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { offListReason: 'Carbocistéine est hors liste nationale des médicaments essentiels : indiquez pourquoi il est facturé.' },
      },
    });
    expect(await linesOf()).toEqual([]);
    expect(await act({ offListReason: 'a' })).toMatchObject({ ok: false, error: { fields: { offListReason: expect.any(String) } } });

    const view = ok(await act({ offListReason: 'Rupture à la pharmacie, acheté au dépôt' }));
    expect(view.lines.map((l) => [l.code, l.amount, l.offListReason])).toEqual([
      ['CARBO5S', 900, 'Rupture à la pharmacie, acheté au dépôt'],
    ]);
    // An act that is no medicine takes no justification, even if one is sent.
    const consultation = ok(await act({ code: 'CS-CUR', offListReason: 'sans objet' }));
    expect(consultation.lines.find((l) => l.code === 'CS-CUR')!.offListReason).toBeUndefined();

    expect(await claimFlags()).toEqual([
      [
        'OFF_LIST_JUSTIFIED',
        'avertissement',
        '« Carbocistéine 5 % sirop (flacon) » (900 FCFA) est hors liste nationale des médicaments essentiels le 10/11/2026 ; justification : « Rupture à la pharmacie, acheté au dépôt ».',
      ],
    ]);
  });

  it('refuses it outright when the facility says so, and changes nothing', async () => {
    ok(await admin.settings.set({ key: 'pharmacy.offListMedicines', value: 'refuser' }));
    expect(await act({ offListReason: 'Rupture' })).toMatchObject({
      ok: false,
      error: {
        code: 'REFUSED',
        message: 'Carbocistéine est hors liste nationale des médicaments essentiels : l’établissement ne le facture pas au titre du RAMED.',
        fields: { code: expect.any(String) },
      },
    });
    expect(await linesOf()).toEqual([]);
  });

  it('keeps the justification on a cancellation, and the claim blocks a line keyed before the rule', async () => {
    const view = ok(await act({ offListReason: 'Rupture' }));
    const lineId = view.lines[0]!.id;
    const cancelled = ok(await desk.episodes.cancelLine({ episodeId: setup.episodeId, lineId, reason: 'Saisi par erreur' }));
    expect(cancelled.lines.map((l) => [l.state, l.offListReason])).toEqual([
      ['annulee', 'Rupture'],
      ['annulation', 'Rupture'],
    ]);
    // A line keyed before the rule existed has no justification: the claim's check is the safety net.
    const again = ok(await act({ offListReason: 'Rupture' }));
    const latest = again.lines.at(-1)!.id;
    await setup.core.deps.handle.db.updateTable('prestation').set({ off_list_reason: null }).where('id', '=', latest).execute();
    expect((await claimFlags()).map(([code, severity]) => [code, severity])).toEqual([['NOT_ESSENTIAL', 'bloquant']]);
  });
});
