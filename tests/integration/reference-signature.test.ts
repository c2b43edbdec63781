import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { registerCsv, TEST_TARIFFS } from '../support/reference';

describeEachDb('signed reference lists', (kind) => {
  let core: TestCore;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const rawKey = publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
  const signatureOf = (text: string) => sign(null, Buffer.from(text), privateKey).toString('base64');
  const admin = () => clientFor(core, slotAs(['admin']));

  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  const tariffRows = async () =>
    Number(
      (
        await core.deps.handle.db
          .selectFrom('tariff')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const setKey = async () => expect((await admin().settings.set({ key: 'anam.publicKey', value: rawKey })).ok).toBe(true);

  it('with no key configured, takes an unsigned list as before and records « non signé »', async () => {
    const result = await admin().tariffs.import({ file: registerCsv(core, TEST_TARIFFS) });
    expect(result.ok && result.value).toMatchObject({ applied: true, signature: 'unsigned', warnings: [] });
    const history = await admin().reference.imports({});
    expect(history.ok && history.value[0]).toMatchObject({ kind: 'tarifs', signature: 'unsigned', warning: null });
  });

  it('refuses an unsigned tariff list once the ANAM key is set, and changes nothing', async () => {
    await setKey();
    const result = await admin().tariffs.import({ file: registerCsv(core, TEST_TARIFFS) });
    expect(result).toMatchObject({ ok: false, error: { code: 'REFUSED', message: expect.stringContaining('pas signé') } });
    expect(await tariffRows()).toBe(0);
    const history = await admin().reference.imports({});
    expect(history.ok && history.value).toEqual([]);
  });

  it('imports a list signed by the ANAM, with the signature given or beside the file as FILE.sig', async () => {
    await setKey();
    const signature = registerCsv(core, signatureOf(TEST_TARIFFS), 'tarifs.csv.sig');
    const given = await admin().tariffs.import({ file: registerCsv(core, TEST_TARIFFS), signature });
    expect(given.ok && given.value).toMatchObject({ applied: true, signature: 'valid', warnings: [] });
    expect(await tariffRows()).toBeGreaterThan(0);

    const medicines = [
      'code;dci;forme;dosage;unite;prix;liste_essentielle;debut_effet',
      'PARA500;Paracétamol;comprimé;500 mg;comprimé;10;1;2024-01-01',
    ].join('\n');
    const file = registerCsv(core, medicines, 'medicaments.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${core.deps.files.resolve(file).path}.sig`, signatureOf(medicines));
    const beside = await admin().medicines.import({ file });
    expect(beside.ok && beside.value).toMatchObject({ applied: true, signature: 'valid' });
    const history = await admin().reference.imports({});
    expect(history.ok && history.value.map((h) => [h.kind, h.signature])).toEqual([
      ['medicaments', 'valid'],
      ['tarifs', 'valid'],
    ]);
  });

  it('refuses a tampered signed list (one price changed after signing) and changes nothing', async () => {
    await setKey();
    const signature = registerCsv(core, signatureOf(TEST_TARIFFS), 'tarifs.csv.sig');
    const tampered = TEST_TARIFFS.replace(
      'CS-CUR;Consultation curative;consultation;cscom;500;',
      'CS-CUR;Consultation curative;consultation;cscom;5000;',
    );
    const result = await admin().tariffs.import({ file: registerCsv(core, tampered), signature });
    expect(result).toMatchObject({ ok: false, error: { code: 'REFUSED', message: expect.stringContaining('ne correspond pas') } });
    expect(await tariffRows()).toBe(0);
    const controls = await admin().controls.import({ file: registerCsv(core, 'code;sexe\nCS-CUR;F'), signature });
    expect(controls).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });

  it('accepts an unsigned list with a warning kept in the history when the setting says « avertir »', async () => {
    await setKey();
    expect((await admin().settings.set({ key: 'reference.unsignedFiles', value: 'avertir' })).ok).toBe(true);
    const result = await admin().tariffs.import({ file: registerCsv(core, TEST_TARIFFS) });
    expect(result.ok && result.value).toMatchObject({
      applied: true,
      signature: 'missing',
      warnings: [expect.stringContaining('non signée')],
    });
    expect(await tariffRows()).toBeGreaterThan(0);
    const history = await clientFor(core, slotAs(['gestionnaire'])).reference.imports({});
    expect(history.ok && history.value[0]).toMatchObject({ signature: 'missing', warning: expect.stringContaining('avertir') });
    // A bad signature is refused whatever the setting.
    const bad = await admin().tariffs.import({
      file: registerCsv(core, `${TEST_TARIFFS}\n`),
      signature: registerCsv(core, signatureOf('autre chose')),
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });
});
