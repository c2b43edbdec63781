import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { OutboxExportManifest } from '../../electron/core/outbox/export-folder';
import type { Client } from '../../shared/contract/client';
import { anamResponse, registerFile, responseBundle, sentClaims, signMonth } from '../support/claim-responses';
import { closedEpisode, novemberEnded } from '../support/claims';
import { ramed } from '../support/cli';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describeEachDb('the USB key route to the ANAM', (kind) => {
  let core: TestCore;
  let manager: Client;
  let key: string;

  beforeEach(async () => {
    core = await openTestCore(kind, { clock: novemberEnded() });
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    const persons = await insertPersons(core.deps.handle.db, [somePerson(1), somePerson(2)]);
    await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }, { code: 'LB-GE' }]);
    await closedEpisode(core, persons[1]!, [{ code: 'CS-CUR' }], '2026-11-12');
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
    key = mkdtempSync(join(tmpdir(), 'ramed-cle-'));
  });
  afterEach(async () => {
    rmSync(key, { recursive: true, force: true });
    await core.dispose();
  });

  it('writes one file per Claim and a manifest with their SHA-256; the answer brought back acknowledges them', async () => {
    const claim = await signMonth(manager, '2026-11');
    const result = await manager.outbox.export({ folder: key });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ folder: join(key, 'anam-T01-20261202-093000'), files: 2 });

    const folder = result.value.folder;
    const manifestText = readFileSync(join(folder, 'manifest.json'));
    expect(sha256(manifestText)).toBe(result.value.manifestSha256);
    const manifest = JSON.parse(manifestText.toString('utf8')) as OutboxExportManifest;
    expect(manifest).toMatchObject({ format: 'ramed-anam-envoi', formatVersion: 1, facility: { code: 'T01' }, createdBy: 'fatoumata' });
    expect(readdirSync(folder).sort()).toEqual(
      ['manifest.json', ...manifest.files.map((f) => f.file), ...manifest.documents.map((d) => d.file)].sort(),
    );
    // The bordereau and the CSV of the version, for the people who read the claim.
    expect(manifest.documents.map((d) => [d.kind, d.file, d.month, d.version])).toEqual([
      ['bordereau', 'reclamation-T01-2026-11-v1.pdf', '2026-11', 1],
      ['csv', 'reclamation-T01-2026-11-v1.csv', '2026-11', 1],
    ]);
    for (const document of manifest.documents) expect(sha256(readFileSync(join(folder, document.file)))).toBe(document.sha256);
    expect(readFileSync(join(folder, 'reclamation-T01-2026-11-v1.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    const sent = await sentClaims(core.deps.handle.db, claim.id);
    for (const file of manifest.files) {
      const bytes = readFileSync(join(folder, file.file));
      expect(sha256(bytes)).toBe(file.sha256);
      const bundle = JSON.parse(bytes.toString('utf8')) as { type: string; entry: Array<{ resource: { id: string } }> };
      expect(bundle.type).toBe('transaction');
      expect(bundle.entry[0]!.resource.id).toBe(file.idempotencyKey);
    }
    expect(manifest.files.map((f) => f.idempotencyKey).sort()).toEqual(sent.map((s) => s.key).sort());

    // Exported, still awaiting the ANAM: the status bar says so; the claims list counts it as sent that day.
    expect(await manager.outbox.summary({})).toMatchObject({ ok: true, value: { pending: 2, exported: 2, delivered: 0 } });
    const list = await manager.claims.list({});
    expect(list.ok && list.value[0]!.followUp).toMatchObject({ sentAt: '2026-12-02T09:30:00.000Z', daysSinceSent: 0, pendingMessages: 2 });

    const answered = await manager.claims.importResponse({ file: registerFile(core, responseBundle(sent.map((s) => anamResponse(s)))) });
    expect(answered).toMatchObject({ ok: true, value: { applied: 2, claims: [{ status: 'acceptee' }] } });
    expect(await manager.outbox.summary({})).toMatchObject({ ok: true, value: { pending: 0, exported: 0, delivered: 2 } });
    expect(await manager.outbox.export({ folder: key })).toMatchObject({
      ok: false,
      error: { code: 'REFUSED', message: 'Aucune réclamation en attente d’envoi : rien à exporter.' },
    });
  });

  it('refuses a folder that is not there, next to the field', async () => {
    await signMonth(manager, '2026-11');
    expect(await manager.outbox.export({ folder: join(key, 'absente') })).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { folder: `Dossier introuvable : ${join(key, 'absente')} (la clé USB est-elle branchée ?).` },
      },
    });
    expect(await manager.outbox.export({ folder: 'relatif/anam' })).toMatchObject({
      ok: false,
      error: { fields: { folder: expect.stringContaining('Chemin complet attendu') } },
    });
    expect(await manager.outbox.summary({})).toMatchObject({ ok: true, value: { exported: 0 } });
  });

  it('ramed outbox export DIR', async () => {
    await signMonth(manager, '2026-11');
    const out = await ramed('outbox', 'export', key, '--db', core.target);
    expect(out).toMatchObject({ code: 0 });
    expect(out.stdout).toContain(`2 réclamation(s) écrite(s) dans ${key}/anam-T01-`);
    const status = await ramed('outbox', 'status', '--json', '--db', core.target);
    expect(status).toMatchObject({ code: 0, json: { pending: 2, exported: 2, delivered: 0, failed: 0 } });
  });
});
