import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, slotAs } from '../support/db';
import { movableClock, pharmacySetup, receive, TEST_MEDICINES, type PharmacySetup } from '../support/pharmacy';
import { importList, TEST_TARIFFS } from '../support/reference';

const MONTH = '2026-11';
const WITH_OFF_LIST = `${TEST_MEDICINES}\nCARBO5S;Carbocistéine;sirop;5 %;flacon de 125 ml;900;0;2024-01-01;`;

/** A medicine off the national essential list: refused, or given with a justification the claim shows. */
describeEachDb('pharmacy: medicines off the essential list', (kind) => {
  let setup: PharmacySetup;
  let clock: ReturnType<typeof movableClock>;
  let admin: Client;
  let manager: Client;

  beforeEach(async () => {
    clock = movableClock('2026-11-10T09:30:00.000Z');
    setup = await pharmacySetup(kind, clock);
    await importList(setup.core, 'tariffs', TEST_TARIFFS);
    await importList(setup.core, 'medicines', WITH_OFF_LIST);
    admin = clientFor(setup.core, slotAs(['admin'], null, 'admin'));
    manager = clientFor(setup.core, slotAs(['gestionnaire'], null, 'fatoumata'));
    await receive(setup.pharmacist, 'CARBO5S', 'C-01', '2027-06-30', 10);
  });
  afterEach(async () => setup.core.dispose());

  const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const carbo = { medicineCode: 'CARBO5S', quantity: 1, prescriber: 'Dr Sidibé' };
  const stockOf = async () => ok(await setup.pharmacist.pharmacy.stockItems({})).find((i) => i.medicineCode === 'CARBO5S')!;

  it('asks for a justification by default, keeps it on the line and in the episode, and the claim only warns', async () => {
    const { pharmacist, episodeId } = setup;
    expect((await stockOf()).offList).toBe('justifier');
    expect(ok(await pharmacist.pharmacy.stockItems({})).find((i) => i.medicineCode === 'PARA500C')!.offList).toBeNull();

    const refused = await pharmacist.pharmacy.dispense({ episodeId, ...carbo });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        fields: { offListReason: 'Carbocistéine est hors liste nationale des médicaments essentiels : indiquez pourquoi il est dispensé.' },
      },
    });
    expect((await stockOf()).usable).toBe(10);

    const given = ok(await pharmacist.pharmacy.dispense({ episodeId, ...carbo, offListReason: 'Allergie à l’ambroxol' }));
    expect(given.lines.map((l) => l.offListReason)).toEqual(['Allergie à l’ambroxol']);
    const episode = ok(await manager.episodes.get({ id: episodeId }));
    expect(episode.medicines.map((m) => [m.medicineCode, m.offListReason])).toEqual([['CARBO5S', 'Allergie à l’ambroxol']]);
    // An essential medicine takes no justification, even if one is sent.
    await receive(pharmacist, 'PARA500C', 'P-01', '2027-06-30', 100);
    const para = ok(
      await pharmacist.pharmacy.dispense({
        episodeId,
        medicineCode: 'PARA500C',
        quantity: 6,
        prescriber: 'Dr Sidibé',
        offListReason: 'sans objet',
      }),
    );
    expect(para.lines[0]!.offListReason).toBeNull();

    ok(
      await clientFor(setup.core, slotAs(['accueil'], null, 'aminata')).episodes.close({
        episodeId,
        endedOn: '2026-11-10',
        diagnosis: 'Toux',
        outcome: 'gueri',
      }),
    );
    clock.set('2026-12-02T09:30:00.000Z');
    ok(await manager.claims.build({ month: MONTH }));
    const claim = ok(await manager.claims.get({ month: MONTH }));
    expect(claim.flags.map((f) => [f.code, f.severity, f.message])).toEqual([
      [
        'OFF_LIST_JUSTIFIED',
        'avertissement',
        '« Carbocistéine 5 % sirop » (900 FCFA) est hors liste nationale des médicaments essentiels le 10/11/2026 ; justification : « Allergie à l’ambroxol ».',
      ],
    ]);
  });

  it('refuses it outright when the facility says so, and changes nothing', async () => {
    ok(await admin.settings.set({ key: 'pharmacy.offListMedicines', value: 'refuser' }));
    expect(await admin.settings.set({ key: 'pharmacy.offListMedicines', value: 'interdire' })).toMatchObject({ ok: false });
    expect((await stockOf()).offList).toBe('refuser');
    const refused = await setup.pharmacist.pharmacy.dispense({ episodeId: setup.episodeId, ...carbo, offListReason: 'Allergie' });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'REFUSED',
        message:
          'Carbocistéine est hors liste nationale des médicaments essentiels : l’établissement ne le dispense pas au titre du RAMED.',
      },
    });
    expect((await stockOf()).usable).toBe(10);
    expect(ok(await setup.pharmacist.pharmacy.episode({ episodeId: setup.episodeId })).lines).toEqual([]);
  });

  it('blocks the claim on a line given off the list without a justification (dispensed before the rule)', async () => {
    const { core, pharmacist, episodeId } = setup;
    const given = ok(await pharmacist.pharmacy.dispense({ episodeId, ...carbo, offListReason: 'Allergie' }));
    await core.deps.handle.db.updateTable('dispensation').set({ off_list_reason: null }).where('id', '=', given.lines[0]!.id).execute();
    ok(
      await clientFor(core, slotAs(['accueil'], null, 'aminata')).episodes.close({
        episodeId,
        endedOn: '2026-11-10',
        diagnosis: 'Toux',
        outcome: 'gueri',
      }),
    );
    clock.set('2026-12-02T09:30:00.000Z');
    ok(await manager.claims.build({ month: MONTH }));
    const claim = ok(await manager.claims.get({ month: MONTH }));
    expect(claim.flags.map((f) => [f.code, f.severity])).toEqual([['NOT_ESSENTIAL', 'bloquant']]);
  });
});
