import { afterEach, beforeEach, expect, it } from 'vitest';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';

describeEachDb('settings.update', (kind) => {
  let core: TestCore;
  beforeEach(async () => {
    core = await openTestCore(kind);
  });
  afterEach(async () => core.dispose());

  const auditOf = async () =>
    (await core.deps.handle.db.selectFrom('audit_log').selectAll().where('method', '=', 'settings.update').orderBy('seq').execute()).map(
      (r) => ({ outcome: r.outcome, entityId: r.entity_id, summary: JSON.parse(r.summary) as Record<string, unknown> }),
    );

  it('saves a section at once and audits what changed, secrets masked', async () => {
    const ramed = clientFor(core, slotAs(['admin'], null, 'awa'));
    const result = await ramed.settings.update({
      values: { 'anam.endpoint': 'https://anam.example.ml/fhir', 'anam.token': 'jeton-très-secret', 'anam.timeoutMs': '30000' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.find((s) => s.key === 'anam.token')).toMatchObject({ value: '***', secret: true });
    expect(result.value.find((s) => s.key === 'anam.endpoint')).toMatchObject({ value: 'https://anam.example.ml/fhir', isDefault: false });

    const [row] = await auditOf();
    // anam.timeoutMs kept its value: it is not a change.
    expect(row).toEqual({
      outcome: 'ok',
      entityId: 'anam.endpoint,anam.token',
      summary: {
        input: { values: '***' },
        detail: { changed: { 'anam.endpoint': { from: '', to: 'https://anam.example.ml/fhir' }, 'anam.token': { from: '', to: '***' } } },
      },
    });
    const all = await core.deps.handle.db.selectFrom('audit_log').select('summary').execute();
    expect(all.map((r) => r.summary).join('\n')).not.toContain('jeton-très-secret');
  });

  it('refuses the whole section when one value is bad, naming each bad field', async () => {
    const ramed = clientFor(core, slotAs(['admin']));
    const result = await ramed.settings.update({
      values: { 'lock.inactivityMinutes': '0', 'registry.freshnessDays': '30', 'backup.folder': 'cle-usb', 'nope.nothing': 1 },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Valeur refusée pour lock.inactivityMinutes : Au moins 1 minute (et 2 autre(s))',
        fields: {
          'lock.inactivityMinutes': 'Au moins 1 minute',
          'backup.folder': expect.stringMatching(/^Chemin complet attendu/),
          'nope.nothing': expect.stringMatching(/^Paramètre inconnu/),
        },
      },
    });
    expect(await core.deps.handle.db.selectFrom('setting').selectAll().execute()).toEqual([]);
    expect(await auditOf()).toEqual([expect.objectContaining({ outcome: 'failed' })]);
  });

  it('is for administrators only', async () => {
    const result = await clientFor(core, slotAs(['gestionnaire'])).settings.update({ values: { 'lock.inactivityMinutes': '5' } });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
