import { afterEach, expect, it } from 'vitest';
import { threadJobs } from '../../electron/core/job-runner/thread-jobs';
import type { ClaimView } from '../../shared/domain/claims';
import { closedEpisode, novemberEnded } from '../support/claims';
import { clientFor, describeEachDb, openTestCore, slotAs, type TestCore, type TestDbKind } from '../support/db';
import { insertPersons, somePerson } from '../support/persons';
import { importList, setFacility, TEST_TARIFFS } from '../support/reference';

// Issue 23, item 2: composing a month's claim and laying out its files take seconds; in the hosts
// they run in a worker thread of their own. What the manager gets must be what the calling thread gives.

describeEachDb('claims built and exported in a worker thread', (kind: TestDbKind) => {
  const cores: TestCore[] = [];
  afterEach(async () => {
    for (const core of cores.splice(0)) await core.dispose();
  });

  /** A November with two closed episodes, built, signed and exported three ways, in the thread or in workers. */
  async function month(where: 'thread' | 'worker') {
    let workers = 0;
    const core = await openTestCore(kind, {
      clock: novemberEnded(),
      ...(where === 'worker' ? { jobs: threadJobs({ onWorker: () => workers++ }) } : {}),
    });
    cores.push(core);
    await setFacility(core, 'cscom');
    await importList(core, 'tariffs', TEST_TARIFFS);
    const [a, b] = await insertPersons(core.deps.handle.db, [somePerson(1), somePerson(2)]);
    await closedEpisode(core, a!, [{ code: 'CS-CUR' }]);
    await closedEpisode(core, b!, [{ code: 'CS-CUR' }, { code: 'LB-GE' }], '2026-11-12');
    const manager = clientFor(core, slotAs(['gestionnaire'], null, 'gestionnaire'));
    const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    // The worker's clock runs on from the test's fixed instant: the build's own instant is left out.
    const { builtAt: _builtAt, ...built } = unwrap(await manager.claims.build({ month: '2026-11' }));
    const view = unwrap(await manager.claims.get({ month: '2026-11' })) as ClaimView;
    unwrap(await manager.claims.sign({ month: '2026-11', sha256: view.sha256 }));
    const file = async (format: 'pdf' | 'fhir' | 'csv') => unwrap(await manager.claims.export({ month: '2026-11', format }));
    const [pdf, fhir, csv] = [await file('pdf'), await file('fhir'), await file('csv')];
    const audit = await core.deps.handle.db
      .selectFrom('audit_log')
      .select(['method', 'outcome', 'actor_login'])
      .where('method', 'like', 'claims.%')
      .orderBy('seq')
      .execute();
    return {
      workers,
      built,
      sha256: view.sha256,
      fhir,
      csv,
      pdf: { fileName: pdf.fileName, mimeType: pdf.mimeType, start: Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString() },
      audit,
    };
  }

  it('answers the claim, the document and the files the calling thread does, and audits the calls', async () => {
    const inThread = await month('thread');
    const inWorkers = await month('worker');
    expect(inThread.workers).toBe(0);
    // The build and each of the three exports.
    expect(inWorkers.workers).toBe(4);
    expect(inWorkers.built).toMatchObject({ month: '2026-11', version: 1, episodes: 2, status: 'brouillon', builtBy: 'gestionnaire' });
    expect(inWorkers.pdf).toEqual({ fileName: expect.stringMatching(/\.pdf$/), mimeType: 'application/pdf', start: '%PDF-' });
    expect({ ...inWorkers, workers: 0 }).toEqual(inThread);
    expect(inWorkers.audit.map((a) => a.method)).toEqual(['claims.build', 'claims.sign']);
  }, 60_000);
});
