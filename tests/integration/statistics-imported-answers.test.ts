import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Client } from '../../shared/contract/client';
import type { StatisticsReport } from '../../shared/domain/statistics';
import { anamResponse, registerFile, responseBundle, signedNovember, type SentClaim } from '../support/claim-responses';
import { ramed } from '../support/cli';
import { novemberEnded } from '../support/claims';
import { describeEachDb, openTestCore, type TestCore } from '../support/db';

const MONTH = '2026-11';

describeEachDb('statistics of the ANAM’s answers imported from a file', (kind) => {
  let core: TestCore;
  let manager: Client;
  let sent: SentClaim[];

  beforeEach(async () => {
    core = await openTestCore(kind, { clock: novemberEnded() });
    ({ manager, sent } = await signedNovember(core));
  });
  afterEach(async () => core.dispose());

  const importJson = async (responses: unknown[]) => {
    const report = await manager.claims.importResponse({ file: registerFile(core, responseBundle(responses)) });
    if (!report.ok) throw new Error(report.error.message);
  };
  const monthReport = async (): Promise<StatisticsReport> => {
    const report = await manager.statistics.month({ month: MONTH });
    if (!report.ok) throw new Error(report.error.message);
    return report.value;
  };

  it('counts what the file accepted and rejected, with the reasons, on the screen and in ramed stats', async () => {
    expect(sent.map((s) => s.items.map((i) => i.amount))).toEqual([[500, 500], [500, 2000], [500]]);
    await importJson([
      anamResponse(sent[0]!),
      anamResponse(sent[1]!, (seq) => (seq === 2 ? { adjust: 1000, code: 'DUREE', text: 'Une journée d’observation seulement' } : 'ok')),
      anamResponse(sent[2]!, () => ({ reject: 'NOT_ELIGIBLE', text: 'Récépissé expiré à la date des soins' })),
    ]);
    const report = await monthReport();
    expect(report.claims.answered).toEqual({ amount: 4000, accepted: 2500, rejected: 1500, rejectionRate: 1500 / 4000 });
    expect(report.claims.months[0]).toMatchObject({ month: MONTH, claimed: 4000, accepted: 2500, rejected: 1500 });
    expect(report.claims.reasons).toEqual([
      { code: 'DUREE', label: 'Une journée d’observation seulement', lines: 1, amount: 1000 },
      { code: 'NOT_ELIGIBLE', label: 'Récépissé expiré à la date des soins', lines: 1, amount: 500 },
    ]);

    const cli = await ramed('stats', '--month', MONTH, '--json', '--db', core.target);
    expect(cli.code).toBe(0);
    expect((cli.json as { report: StatisticsReport }).report.claims).toEqual(report.claims);
  });

  it('reads only the newest answer to each Claim: a later file replaces the earlier decision', async () => {
    await importJson(sent.map((s) => anamResponse(s, () => ({ reject: 'NOT_ELIGIBLE' }))));
    expect((await monthReport()).claims.answered).toMatchObject({ amount: 4000, accepted: 0, rejected: 4000 });

    await importJson([anamResponse(sent[1]!), anamResponse(sent[2]!)]);
    const report = await monthReport();
    expect(report.claims.answered).toMatchObject({ amount: 4000, accepted: 3000, rejected: 1000 });
    expect(report.claims.reasons).toEqual([{ code: 'NOT_ELIGIBLE', label: 'NOT_ELIGIBLE', lines: 2, amount: 1000 }]);
  });
});
