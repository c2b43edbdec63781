import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Core } from '../../electron/core/app';
import type { Database } from '../../electron/core/db/schema/index';
import type { Client } from '../../shared/contract/client';
import type { ClaimSummary } from '../../shared/domain/claims';
import { IDEMPOTENCY_SYSTEM } from './anam-receiver';
import { closedEpisode } from './claims';
import { clientFor, slotAs, type TestCore } from './db';
import { insertPersons, somePerson } from './persons';
import { importList, setFacility, TEST_TARIFFS } from './reference';

/** Builds and signs the month as the manager would (the hash shown is the one signed). */
export async function signMonth(manager: Client, month: string): Promise<ClaimSummary> {
  const built = await manager.claims.build({ month });
  if (!built.ok) throw new Error(built.error.message);
  const view = await manager.claims.get({ month });
  if (!view.ok) throw new Error(view.error.message);
  const signed = await manager.claims.sign({ month, sha256: view.value.sha256 });
  if (!signed.ok) throw new Error(signed.error.message);
  return signed.value;
}

export interface SentClaim {
  id: number;
  key: string;
  episode: string;
  items: Array<{ sequence: number; amount: number; lineKey: string }>;
}

/** The Claims queued for a version, with their items, in episode order. */
export async function sentClaims(db: Kysely<Database>, claimId: number): Promise<SentClaim[]> {
  const messages = await db
    .selectFrom('outbox_message')
    .select(['id', 'idempotency_key', 'episode_number'])
    .where('claim_id', '=', claimId)
    .orderBy('episode_number')
    .execute();
  const out: SentClaim[] = [];
  for (const m of messages) {
    const items = await db.selectFrom('outbox_item').selectAll().where('message_id', '=', m.id).orderBy('sequence').execute();
    out.push({
      id: m.id,
      key: m.idempotency_key,
      episode: m.episode_number,
      items: items.map((i) => ({ sequence: i.sequence, amount: Number(i.amount), lineKey: i.line_key })),
    });
  }
  return out;
}

/** What the ANAM decides of one item: paid in full, a lower amount, or rejected with a reason. */
export type Decision = 'ok' | { adjust: number; code?: string; text?: string } | { reject: string; text?: string };

/** A ClaimResponse as the ANAM sends it back (the format the README documents). */
export function anamResponse(claim: SentClaim, decide: (sequence: number) => Decision = () => 'ok') {
  return {
    resourceType: 'ClaimResponse',
    status: 'active',
    outcome: 'complete',
    request: { identifier: { system: IDEMPOTENCY_SYSTEM, value: claim.key } },
    item: claim.items.map((item) => {
      const d = decide(item.sequence);
      const category = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code }] });
      if (d === 'ok')
        return {
          itemSequence: item.sequence,
          adjudication: [{ category: category('benefit'), amount: { value: item.amount, currency: 'XOF' } }],
        };
      if ('adjust' in d) {
        return {
          itemSequence: item.sequence,
          adjudication: [
            {
              category: category('benefit'),
              amount: { value: d.adjust, currency: 'XOF' },
              ...(d.code ? { reason: { coding: [{ code: d.code }], text: d.text } } : {}),
            },
          ],
        };
      }
      return {
        itemSequence: item.sequence,
        adjudication: [{ category: category('denied'), reason: { coding: [{ code: d.reject }], text: d.text } }],
      };
    }),
  };
}

export const responseBundle = (responses: unknown[]) => ({
  resourceType: 'Bundle',
  type: 'collection',
  entry: responses.map((resource) => ({ resource })),
});

/** Writes a file as the ANAM's USB key would bring it, and hands it to the core as the window does. */
export function registerFile(core: Core, content: unknown, name = 'reponse-anam.json'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ramed-reponse-')), name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return core.deps.files.register(path).ref;
}

/**
 * A CSCOM's November of three closed episodes (a consultation with a lab test, one with two days
 * of observation, a lab test alone), signed by the manager and queued for the ANAM.
 */
export async function signedNovember(core: TestCore): Promise<{ manager: Client; claim: ClaimSummary; sent: SentClaim[] }> {
  await setFacility(core, 'cscom');
  await importList(core, 'tariffs', TEST_TARIFFS);
  const persons = await insertPersons(core.deps.handle.db, [
    somePerson(1, 'Traoré', 'Awa'),
    somePerson(2, 'Coulibaly', 'Moussa'),
    somePerson(3),
  ]);
  await closedEpisode(core, persons[0]!, [{ code: 'CS-CUR' }, { code: 'LB-GE' }]);
  await closedEpisode(core, persons[1]!, [{ code: 'CS-CUR' }, { code: 'HO-OBS', quantity: 2 }], '2026-11-12');
  await closedEpisode(core, persons[2]!, [{ code: 'LB-GE' }], '2026-11-13');
  const manager = clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata'));
  const claim = await signMonth(manager, '2026-11');
  return { manager, claim, sent: await sentClaims(core.deps.handle.db, claim.id) };
}
