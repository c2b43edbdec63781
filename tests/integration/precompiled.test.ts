import { afterAll, beforeAll, expect, it } from 'vitest';
import { precompiled } from '../../electron/core/db/precompiled';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';
import { insertPersons } from '../support/persons';

describeEachDb('precompiled queries', (kind) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await openTestCore(kind);
    await insertPersons(core.deps.handle.db, [
      { recepisse: '5000000000001', family_name: 'Coulibaly', given_names: 'Fanta' },
      { recepisse: '5000000000002', family_name: 'Diarra', given_names: 'Fanta' },
      { recepisse: '5000000000003', family_name: 'Coulibaly', given_names: 'Seydou' },
    ]);
  });
  afterAll(async () => core.dispose());

  it('runs each call with its own arguments, one used twice, beside the constants of the query', async () => {
    const namesakes = precompiled((db, family: string, given: string) =>
      db
        .selectFrom('person')
        .select('recepisse')
        .where((eb) => eb.or([eb('family_name', '=', family), eb('given_names', '=', given), eb('family_name', '=', family)]))
        .where('status', '<>', 'radie')
        .orderBy('recepisse'),
    );
    const recepisses = async (family: string, given: string) =>
      (await namesakes(core.deps.handle.db, family, given)).map((r) => r.recepisse);
    expect(await recepisses('Coulibaly', 'Nobody')).toEqual(['5000000000001', '5000000000003']);
    expect(await recepisses('Nobody', 'Fanta')).toEqual(['5000000000001', '5000000000002']);
    expect(await recepisses('Diarra', 'Seydou')).toEqual(['5000000000002', '5000000000003']);
    expect(await recepisses('Nobody', 'Nobody')).toEqual([]);
  });

  it('refuses a query that leaves an argument out', async () => {
    const unused = precompiled((db, _family: string) => db.selectFrom('person').select('recepisse'));
    await expect(unused(core.deps.handle.db, 'Coulibaly')).rejects.toThrow('not a parameter');
  });
});
