import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { openEpisode } from '../support/episodes';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

describeEachDb('the ICD-10 code at closing, as the facility decides', (kind) => {
  let core: TestCore;
  let desk: Client;
  let admin: Client;
  let episodeId: number;

  beforeEach(async () => {
    core = await openTestCore(kind);
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    const [person] = await insertPersons(core.deps.handle.db, [somePerson(1)]);
    episodeId = (await openEpisode(core, person!)).id;
    desk = clientFor(core, slotAs(['accueil'], null, 'aminata'));
    admin = clientFor(core, slotAs(['admin']));
  });
  afterEach(async () => core.dispose());

  const close = (icd10?: string) =>
    desk.episodes.close({ episodeId, endedOn: '2026-11-10', diagnosis: 'Paludisme simple', outcome: 'gueri', ...(icd10 ? { icd10 } : {}) });

  it('closes without a code by default; once made mandatory, refuses without one and changes nothing', async () => {
    expect(await admin.settings.set({ key: 'episodes.icd10AtClosing', value: 'obligatoire' })).toMatchObject({ ok: true });
    expect(await close()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { icd10: expect.stringContaining('CIM-10') } },
    });
    const still = await core.deps.handle.db
      .selectFrom('episode')
      .select(['status', 'icd10'])
      .where('id', '=', episodeId)
      .executeTakeFirstOrThrow();
    expect(still).toEqual({ status: 'ouvert', icd10: null });
    expect(await close('B54')).toMatchObject({ ok: true });
  });

  it('is optional by default', async () => {
    expect(await close()).toMatchObject({ ok: true });
  });
});
