import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { runDemo } from '../../electron/core/demo/demo';
import { dhis2DataValueSet } from '../../shared/rules/dhis2/data-value-set';
import { DEFAULT_DHIS2_MAPPING } from '../../shared/rules/dhis2/mapping';
import type { Dhis2Preview } from '../../shared/domain/dhis2';
import type { StatisticsReport } from '../../shared/domain/statistics';
import type { Client } from '../../shared/contract/client';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { metadataFor, startDhis2StandIn, type Dhis2StandIn } from '../support/dhis2-server';

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Every code of the default mapping, as the district's DHIS2 would hold them once set up. */
function districtCodes(preview: Dhis2Preview) {
  const targets = Object.values(DEFAULT_DHIS2_MAPPING.values);
  return {
    dataElements: [...new Set(targets.map((t) => t.dataElement))],
    categoryOptionCombos: [
      ...new Set([
        ...targets.flatMap((t) => (t.categoryOptionCombo ? [t.categoryOptionCombo] : [])),
        ...preview.values.flatMap((v) => (v.categoryOptionCombo ? [v.categoryOptionCombo] : [])),
      ]),
    ],
    orgUnits: [preview.orgUnit],
  };
}

/** What the statistics screen shows for each key, read from its report (the test's own reading). */
function screenFigure(report: StatisticsReport, key: string): number | null {
  const [family, ...rest] = key.split('.');
  const code = rest.join('.');
  const month = report.claims.months[0];
  if (key === 'patients.new') return report.patients.new;
  if (key === 'episodes.emergencies') return report.emergencies;
  if (key === 'medicines.amount') return report.medicinesAmount;
  if (family === 'episodes') return report.episodeTypes.find((t) => `type.${t.type}` === code)?.episodes ?? null;
  if (family === 'care') return report.prestations.find((p) => `amount.${p.category}` === code)?.amount ?? null;
  if (key.startsWith('claim.rejectedByReason.')) return report.claims.reasons.find((r) => r.code === rest[1])?.amount ?? null;
  if (family === 'claim') return month ? (month[code as 'claimed' | 'accepted' | 'rejected' | 'paid'] ?? null) : null;
  if (family === 'desk') return report.eligibility.reasons.find((r) => r.code === rest[1])?.refusals ?? null;
  if (family === 'stock') return report.stock.find((s) => s.medicineCode === rest[1])?.daysOutOfStock ?? null;
  return null;
}

// The test clock reads 16 November 2026: the demo's June is signed, sent, partly rejected and paid.
describeEachDb('DHIS2: the monthly RAMED figures', (kind) => {
  let core: TestCore;
  let manager: Client;
  let admin: Client;
  let dhis2: Dhis2StandIn;
  let claimed: Dhis2Preview;
  let report: StatisticsReport;
  const sends = async () =>
    Number(
      (
        await core.deps.handle.db
          .selectFrom('dhis2_send')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    core = await openTestCore(kind);
    await runDemo(core.deps, { month: '2026-11', episodes: 40 });
    manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
    admin = clientFor(core, slotAs(['admin'], null, 'moussa'));
    claimed = unwrap(await manager.statistics.snisPreview({ month: '2026-06' }));
    report = unwrap(await manager.statistics.month({ month: '2026-06' }));
  }, 120_000);
  afterAll(async () => core.dispose());

  beforeEach(async () => {
    dhis2 = await startDhis2StandIn({ metadata: metadataFor(districtCodes(claimed)) });
    for (const [key, value] of Object.entries({
      'dhis2.url': dhis2.url,
      'dhis2.username': dhis2.username,
      'dhis2.password': dhis2.password,
    }))
      unwrap(await admin.settings.set({ key, value }));
  });
  afterEach(async () => dhis2.close());

  it('the demo month’s dataValueSet is what DHIS2 reads, and each value is the statistics screen’s figure', async () => {
    const file = JSON.parse(Buffer.from(claimed.file.base64, 'base64').toString('utf8'));
    const parsed = dhis2DataValueSet.safeParse(file);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(file).toMatchObject({ dataSet: 'RAMED_MENSUEL', period: '202606', orgUnit: report.facility!.code, idScheme: 'CODE' });
    expect(claimed.file.fileName).toBe(`dhis2-ramed-${report.facility!.code}-202606.json`);
    expect(file.dataValues).toHaveLength(claimed.values.length);
    // No zero travels; every value is a whole number as text.
    for (const v of file.dataValues) expect(v.value).toMatch(/^[1-9]\d*$/);

    const onScreen = claimed.values.filter((v) => !v.key.startsWith('patients.') && !v.key.startsWith('claim.claimedByCategory.'));
    for (const v of onScreen) expect([v.key, v.value]).toEqual([v.key, screenFigure(report, v.key)]);
    // The patients split by sex and age band, and by quality, add up to the screen's patients seen.
    const sum = (prefix: string) => claimed.values.filter((v) => v.key.startsWith(prefix)).reduce((s, v) => s + v.value, 0);
    expect(sum('patients.seen.')).toBe(report.patients.seen);
    expect(sum('patients.quality.')).toBe(report.patients.seen);
    expect(claimed.values.find((v) => v.key === 'patients.new')?.value).toBe(report.patients.new);
    // The claim, its answer and its payment travel; the ANAM’s reasons by the reason family.
    const month = report.claims.months[0]!;
    for (const key of ['claimed', 'accepted', 'rejected', 'paid'] as const) {
      expect(month[key]).toBeGreaterThan(0);
      expect(claimed.values.find((v) => v.key === `claim.${key}`)).toMatchObject({ value: month[key] });
    }
    // The claim by category is its signed document's split of the same amount.
    const byCategory = claimed.values.filter((v) => v.key.startsWith('claim.claimedByCategory.'));
    expect(byCategory.length).toBeGreaterThan(1);
    expect(byCategory.reduce((s, v) => s + v.value, 0)).toBe(month.claimed);
    const signed = unwrap(await manager.claims.get({ month: '2026-06', version: month.version }));
    for (const v of byCategory) expect(v.value).toBe(signed.document.totals[v.key.split('.')[2] as keyof typeof signed.document.totals]);
    expect(report.claims.reasons.length).toBeGreaterThan(0);
    for (const r of report.claims.reasons)
      expect(claimed.values.find((v) => v.key === `claim.rejectedByReason.${r.code}`)).toMatchObject({
        value: r.amount,
        dataElement: 'RAMED_MONTANT_REJETE_MOTIF',
        categoryOptionCombo: `MOTIF_${r.code}`,
      });
    // Every non-zero episode type and care category of the screen is there.
    for (const t of report.episodeTypes.filter((t) => t.episodes > 0))
      expect(claimed.values.some((v) => v.key === `episodes.type.${t.type}`)).toBe(true);
    for (const p of report.prestations.filter((p) => p.amount > 0))
      expect(claimed.values.some((v) => v.key === `care.amount.${p.category}`)).toBe(true);
    // Medicines out of stock but not traced are left out, and said so.
    for (const u of claimed.unmapped) expect(u.key).toMatch(/^stock\.daysOut\./);
  });

  it('posts by code with basic auth, records the summary and DHIS2 holds the values', async () => {
    const before = await sends();
    const sent = unwrap(await manager.statistics.snisSend({ month: '2026-06' }));
    expect(sent).toMatchObject({
      month: '2026-06',
      status: 'SUCCESS',
      httpStatus: 200,
      imported: claimed.values.length,
      updated: 0,
      ignored: 0,
      conflicts: [],
      by: 'fatoumata',
      dryRun: false,
    });
    expect(await sends()).toBe(before + 1);
    const [request] = dhis2.requests;
    expect(request!.url).toContain('dataElementIdScheme=CODE');
    expect(request!.url).toContain('orgUnitIdScheme=CODE');
    expect(request!.url).toContain('dryRun=false');
    expect(dhis2.values.size).toBe(claimed.values.length);
    expect([...dhis2.values.values()].sort()).toEqual(claimed.values.map((v) => String(v.value)).sort());

    // Sent again: DHIS2 updates what it holds.
    const again = unwrap(await manager.statistics.snisSend({ month: '2026-06' }));
    expect(again).toMatchObject({ status: 'SUCCESS', imported: 0, updated: claimed.values.length });
    const history = unwrap(await manager.statistics.snisSends({ month: '2026-06' }));
    expect(history.slice(0, 2).map((s) => s.id)).toEqual([again.id, sent.id]);
    const audit = await core.deps.handle.db
      .selectFrom('audit_log')
      .select(['method', 'entity_id'])
      .where('method', '=', 'statistics.snisSend')
      .execute();
    expect(audit.map((a) => a.entity_id)).toEqual(expect.arrayContaining([String(sent.id), String(again.id)]));
  });

  it('a dry run is checked by DHIS2, recorded as such, and saves nothing there', async () => {
    const sent = unwrap(await manager.statistics.snisSend({ month: '2026-06', dryRun: true }));
    expect(sent).toMatchObject({ status: 'SUCCESS', dryRun: true, imported: claimed.values.length });
    expect(dhis2.requests[0]!.url).toContain('dryRun=true');
    expect(dhis2.values.size).toBe(0);
  });

  it.each(['2.40', '2.36'] as const)('DHIS2 %s: values it cannot place come back as conflicts, recorded and shown', async (version) => {
    dhis2.version = version;
    const traced = claimed.values.find((v) => v.key.startsWith('claim.rejectedByReason.'))!;
    delete dhis2.metadata.categoryOptionCombos[traced.categoryOptionCombo!];
    delete dhis2.metadata.dataElements['RAMED_MONTANT_PAYE'];
    const sent = unwrap(await manager.statistics.snisSend({ month: '2026-06' }));
    expect(sent).toMatchObject({
      status: 'WARNING',
      httpStatus: version === '2.40' ? 409 : 200,
      imported: claimed.values.length - 2,
      ignored: 2,
    });
    expect(sent.conflicts).toEqual(
      expect.arrayContaining([
        {
          object: traced.categoryOptionCombo,
          value: `Category option combo not found or not accessible: \`${traced.categoryOptionCombo}\``,
          errorCode: 'E7611',
        },
        { object: 'RAMED_MONTANT_PAYE', value: 'Data element not found or not accessible: `RAMED_MONTANT_PAYE`', errorCode: 'E7610' },
      ]),
    );
    expect(unwrap(await manager.statistics.snisSends({ month: '2026-06' }))[0]).toEqual(sent);
  });

  it('an org unit DHIS2 does not know refuses the whole set: recorded as ERROR', async () => {
    unwrap(await admin.settings.set({ key: 'dhis2.orgUnit', value: 'ML-INCONNU' }));
    try {
      const sent = unwrap(await manager.statistics.snisSend({ month: '2026-06' }));
      expect(sent).toMatchObject({ status: 'ERROR', httpStatus: 409, orgUnit: 'ML-INCONNU', imported: 0, ignored: claimed.values.length });
      expect(sent.conflicts[0]).toMatchObject({ object: 'ML-INCONNU' });
      expect(dhis2.values.size).toBe(0);
    } finally {
      unwrap(await admin.settings.set({ key: 'dhis2.orgUnit', value: '' }));
    }
  });

  it.each([
    ['a wrong password', (s: Dhis2StandIn) => void (s.password = 'autre'), 'REFUSED', 'refusé l’utilisateur ou le mot de passe (HTTP 401)'],
    ['a server error', (s: Dhis2StandIn) => void (s.fault = 'http500'), 'TRANSPORT', 'en panne ou surchargé (HTTP 500)'],
    ['a server unavailable', (s: Dhis2StandIn) => void (s.fault = 'http503'), 'TRANSPORT', 'en panne ou surchargé (HTTP 503)'],
    ['a login page instead of a summary', (s: Dhis2StandIn) => void (s.fault = 'loginPage'), 'TRANSPORT', 'sans résumé d’import'],
  ])('%s: a clear French message, nothing recorded', async (_, breakIt, code, message) => {
    breakIt(dhis2);
    const before = await sends();
    const result = await manager.statistics.snisSend({ month: '2026-06' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(message);
      expect(result.error.message).toContain('Rien n’a été enregistré');
    }
    expect(await sends()).toBe(before);
  });

  it('no server listening, or none configured: a French message, nothing recorded', async () => {
    await dhis2.close();
    const before = await sends();
    const down = await manager.statistics.snisSend({ month: '2026-06' });
    expect(down).toMatchObject({ ok: false, error: { code: 'TRANSPORT', message: expect.stringContaining('Serveur DHIS2 injoignable') } });
    unwrap(await admin.settings.set({ key: 'dhis2.url', value: '' }));
    const unset = await manager.statistics.snisSend({ month: '2026-06' });
    expect(unset).toMatchObject({ ok: false, error: { code: 'REFUSED', message: expect.stringContaining('dhis2.url') } });
    expect(await sends()).toBe(before);
    dhis2 = await startDhis2StandIn({ metadata: metadataFor(districtCodes(claimed)) });
  });

  it('refuses a month not over, and a mapping that is not valid never gets saved', async () => {
    const running = await manager.statistics.snisPreview({ month: '2026-11' });
    expect(running).toMatchObject({ ok: false, error: { code: 'REFUSED', message: expect.stringContaining('n’est pas terminé') } });
    const bad = await admin.settings.set({ key: 'dhis2.mapping', value: '{"values": {"patients.total": {"dataElement": "X"}}}' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('Indicateur inconnu') } });
  });

  it('a mapping of its own sends only what it names, where it says', async () => {
    const mapping = {
      values: {
        'patients.new': { dataElement: 'NOUVEAUX_RAMED' },
        'claim.claimed': { dataElement: 'RECLAME', categoryOptionCombo: 'RAMED' },
      },
    };
    unwrap(await admin.settings.set({ key: 'dhis2.mapping', value: JSON.stringify(mapping) }));
    try {
      const preview = unwrap(await manager.statistics.snisPreview({ month: '2026-06' }));
      const file = JSON.parse(Buffer.from(preview.file.base64, 'base64').toString('utf8'));
      expect(file.dataSet).toBeUndefined();
      expect(file.dataValues).toEqual([
        { dataElement: 'NOUVEAUX_RAMED', value: String(report.patients.new) },
        { dataElement: 'RECLAME', categoryOptionCombo: 'RAMED', value: String(report.claims.months[0]!.claimed) },
      ]);
      expect(preview.unmapped.length).toBe(claimed.values.length + claimed.unmapped.length - 2);
    } finally {
      unwrap(await admin.settings.set({ key: 'dhis2.mapping', value: '' }));
    }
  });
});
