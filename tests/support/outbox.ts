import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../electron/core/clock';
import type { CoreDeps } from '../../electron/core/context';
import type { Database } from '../../electron/core/db/schema/index';
import { enqueueSignedClaim } from '../../electron/core/outbox/enqueue';
import { MAX_ATTEMPTS, sendDue, type OutboxEnv } from '../../electron/core/outbox/send';
import { outboxStatus } from '../../electron/core/outbox/status';
import { actingAs } from '../../electron/core/service-context';
import { updateSettings } from '../../electron/core/settings/settings';
import { canonicalJson } from '../../shared/lib/canonical-json';
import { CLAIM_CATEGORIES, type CategoryTotals, type ClaimDocument, type ClaimDocumentEpisode } from '../../shared/domain/claims';

const zeroTotals = (): CategoryTotals => Object.fromEntries(CLAIM_CATEGORIES.map((c) => [c, 0])) as CategoryTotals;

/** One consultation and one lab test per episode, the shape the claims back end signs. */
function episode(i: number, month: string): ClaimDocumentEpisode {
  const line = (n: number, code: string, label: string, category: 'consultation' | 'laboratoire', amount: number) => ({
    key: `prestation:${i * 10 + n}`,
    source: 'prestation' as const,
    episodeId: i,
    kind: 'acte' as const,
    code,
    label,
    category,
    performedOn: `${month}-10`,
    quantity: 1,
    unitPrice: amount,
    amount,
    payer: 'ramed' as const,
    excluded: null,
  });
  const lines = [line(1, 'CS-CUR', 'Consultation curative', 'consultation', 500), line(2, 'LB-GE', 'Goutte épaisse', 'laboratoire', 500)];
  return {
    episodeId: i,
    number: `E-${month}-${String(i).padStart(4, '0')}`,
    recepisse: `RAM-${String(100000 + i)}`,
    patientName: `TRAORÉ Awa ${i}`,
    type: 'consultation_externe',
    emergency: false,
    openedOn: `${month}-10`,
    endedOn: `${month}-10`,
    excluded: null,
    lines,
    totals: { ...zeroTotals(), consultation: 500, laboratoire: 500 },
    total: 1000,
  };
}

/** A signed version of `episodes` episodes, queued as sign-off does (for tests that need volume). */
export async function queuedClaim(db: Kysely<Database>, month: string, episodes: number, at: string): Promise<number> {
  const doc: ClaimDocument = {
    month,
    version: 1,
    previousSha256: null,
    facility: { code: 'CSCOM-BKO-01', name: 'CSCOM de Banconi', level: 'cscom' },
    episodes: Array.from({ length: episodes }, (_, i) => episode(i + 1, month)),
    flags: [],
    totals: { ...zeroTotals(), consultation: 500 * episodes, laboratoire: 500 * episodes },
    total: 1000 * episodes,
    programmeTotal: 0,
  };
  const content = canonicalJson(doc);
  const row = await db
    .insertInto('claim')
    .values({
      month,
      version: 1,
      previous_id: null,
      status: 'signee',
      built_at: at,
      built_by: 'fatoumata',
      episodes,
      total: doc.total,
      signed_at: at,
      signed_by: 'fatoumata',
      content,
      sha256: createHash('sha256').update(content).digest('hex'),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await enqueueSignedClaim(db, row, at);
  return row.id;
}

export async function pointAt(deps: CoreDeps, url: string, token: string, timeoutMs = 1000): Promise<void> {
  await updateSettings(actingAs(deps, 'test'), { values: { 'anam.endpoint': url, 'anam.token': token, 'anam.timeoutMs': timeoutMs } });
}

/** A clock the test moves by hand. */
export function manualClock(startIso: string): Clock & { advance(ms: number): void } {
  let now = Date.parse(startIso);
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

/** A worker over the test's database, on the test's clock, with a seeded random source. */
export function testWorker(deps: CoreDeps, clock: Clock, worker: string, seed = 1): OutboxEnv {
  let state = seed;
  const random = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  return { ...actingAs(deps, worker), clock, random, fetch, worker };
}

const HOUR = 60 * 60_000;

/** Sends while the ANAM fails, an hour apart (past any backoff), until nothing is left waiting. */
export async function failUntilAbandoned(deps: CoreDeps, clock: ReturnType<typeof manualClock>): Promise<void> {
  const worker = testWorker(deps, clock, 'poste-1');
  for (let pass = 0; pass < 2 * MAX_ATTEMPTS && (await outboxStatus(worker)).pending > 0; pass++) {
    await sendDue(worker);
    clock.advance(HOUR);
  }
}
