import { readFile, stat } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { parseResponseFile, type ClaimResponseResource } from '../../../shared/rules/claim-response';
import type { LineDecision, ResponseImportReport } from '../../../shared/domain/claim-responses';
import type { Database } from '../db/schema/index';
import { DomainError } from '../errors';
import { FHIR_SYSTEMS } from '../claims/export/fhir';
import { claimIdOfReference, matchAnswer } from '../outbox/claim-match';
import { sentClaimOf } from '../outbox/sent-claim';
import { getFacility } from '../facility/facility';
import { refreshClaimStatus } from './claim-status';
import { itemsOf, readResponse, recordDecisions, responseSha256 } from './record';
import { claimMoney, emptyMoney } from './totals';
import type { ServiceContext } from '../context';

const MAX_BYTES = 64 * 1024 * 1024;

interface Target {
  id: number;
  claim_id: number;
  status: string;
  episode_number: string;
  idempotency_key: string;
  remote_id: string | null;
  body: string;
}

type Planned = { message: Target; response: ClaimResponseResource } & (
  { kind: 'decided'; decisions: LineDecision[] } | { kind: 'error'; error: string }
);

/** `CODE-AAAA-MM-vN-EPISODE`, the business identifier of a Claim (FHIR_SYSTEMS.claim). */
const BUSINESS_ID = /^(.+)-(\d{4}-\d{2})-v(\d+)-(.+)$/;

const TARGET_COLUMNS = [
  'outbox_message.id',
  'outbox_message.claim_id',
  'outbox_message.status',
  'outbox_message.episode_number',
  'outbox_message.idempotency_key',
  'outbox_message.remote_id',
  'outbox_message.body',
] as const;

/** A way a response names a Claim: our key (Claim.id), the server's id, or the business identifier. */
type Name = { by: 'key' | 'remote' | 'business'; value: string; keyed?: boolean };

function namesOf(response: ClaimResponseResource): Name[] {
  const names: Name[] = [];
  for (const { system, value } of [
    ...(response.request?.identifier ? [response.request.identifier] : []),
    ...(response.identifier ?? []),
  ]) {
    if (system === FHIR_SYSTEMS.idempotency) names.push({ by: 'key', value, keyed: true });
    else if (system === FHIR_SYSTEMS.claim) names.push({ by: 'business', value });
    else if (!system) names.push({ by: 'key', value }, { by: 'remote', value });
  }
  const id = response.request?.reference ? claimIdOfReference(response.request.reference) : null;
  if (id) names.push({ by: 'key', value: id }, { by: 'remote', value: id });
  return names;
}

async function byColumn(db: Kysely<Database>, column: 'idempotency_key' | 'remote_id', values: string[]): Promise<Map<string, Target>> {
  const out = new Map<string, Target>();
  const unique = [...new Set(values)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('outbox_message')
      .select(TARGET_COLUMNS)
      .where(`outbox_message.${column}`, 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(column === 'idempotency_key' ? r.idempotency_key : r.remote_id!, r);
  }
  return out;
}

/**
 * The message each response answers, by any name it gives (FHIR's rules, claim-match.ts): our
 * idempotency key, the Claim's business identifier, or the server's id (`request.reference`); a
 * response that names nothing we sent, or names two claims, or contradicts the one it names, is refused.
 */
async function targetsOf(db: Kysely<Database>, responses: readonly ClaimResponseResource[], facilityCode: string) {
  const names = responses.map(namesOf);
  const all = names.flat();
  const byKey = await byColumn(
    db,
    'idempotency_key',
    all.filter((n) => n.by === 'key').map((n) => n.value),
  );
  const byRemote = await byColumn(
    db,
    'remote_id',
    all.filter((n) => n.by === 'remote').map((n) => n.value),
  );
  const found: Array<Target | string> = [];
  for (const [index, response] of responses.entries()) {
    const given = names[index]!;
    if (given.length === 0) {
      found.push('la réponse ne dit pas à quelle réclamation elle répond (ni request, ni identifiant de la réclamation)');
      continue;
    }
    const hits = new Map<number, Target>();
    let refusal: string | null = null;
    for (const name of given) {
      if (name.by !== 'business') {
        const hit = (name.by === 'key' ? byKey : byRemote).get(name.value);
        if (hit) hits.set(hit.id, hit);
        continue;
      }
      const match = BUSINESS_ID.exec(name.value);
      if (!match) continue;
      const [, facility, month, version, episode] = match;
      if (facility !== facilityCode) {
        refusal = `réponse destinée à un autre établissement (${facility!.slice(0, 40)})`;
        continue;
      }
      const row = await db
        .selectFrom('outbox_message')
        .innerJoin('claim', 'claim.id', 'outbox_message.claim_id')
        .select(TARGET_COLUMNS)
        .where('claim.month', '=', month!)
        .where('claim.version', '=', Number(version))
        .where('outbox_message.episode_number', '=', episode!)
        .executeTakeFirst();
      if (row) hits.set(row.id, row);
    }
    const shown = given[0]!.value.slice(0, 80);
    const unknown = given[0]!.keyed ? `aucune réclamation envoyée avec la clé ${shown}` : `aucune réclamation envoyée sous ${shown}`;
    if (hits.size > 1) found.push(`la réponse nomme plusieurs réclamations à la fois (${shown})`);
    else if (hits.size === 0) found.push(refusal ?? unknown);
    else {
      const target = [...hits.values()][0]!;
      const match = matchAnswer(sentClaimOf(target), response, { learn: false });
      found.push(match.kind === 'other' ? `réponse pour une autre réclamation (${match.named.slice(0, 80)})` : target);
    }
  }
  return found;
}

/** Validates every response of the file against what was sent; the plan, or every error found. */
async function plan(db: Kysely<Database>, responses: readonly ClaimResponseResource[]): Promise<Planned[]> {
  const facility = await getFacility(db);
  if (!facility) throw new DomainError('CONFLICT', 'L’établissement n’est pas configuré : voyez l’administrateur.');
  const targets = await targetsOf(db, responses, facility.code);
  const items = await itemsOf(db, [...new Set(targets.filter((t) => typeof t !== 'string').map((t) => t.id))]);
  const errors: string[] = [];
  const planned: Planned[] = [];
  const seen = new Map<number, string>();
  responses.forEach((response, index) => {
    const target = targets[index]!;
    const name = `réponse n° ${index + 1}`;
    if (typeof target === 'string') return void errors.push(`${name} : ${target}`);
    const sha = responseSha256(response);
    const earlier = seen.get(target.id);
    if (earlier !== undefined && earlier !== sha) {
      return void errors.push(`${name} : deux réponses différentes pour la réclamation de l’épisode ${target.episode_number}`);
    }
    seen.set(target.id, sha);
    const reading = readResponse(items.get(target.id)!, response);
    if (reading.kind === 'invalid')
      return void errors.push(`${name} (épisode ${target.episode_number}) : ${reading.errors.slice(0, 3).join(' ; ')}`);
    planned.push(
      reading.kind === 'error'
        ? { message: target, response, kind: 'error', error: reading.message }
        : { message: target, response, kind: 'decided', decisions: reading.decisions },
    );
  });
  if (errors.length > 0) throw refusal(errors);
  return planned;
}

function refusal(errors: readonly string[]): DomainError {
  const shown = errors.slice(0, 5).join(' ; ');
  const more = errors.length > 5 ? ` ; et ${errors.length - 5} autre(s)` : '';
  const message = `Fichier refusé, rien n’a été importé : ${shown}${more}.`;
  return new DomainError('INVALID_INPUT', message, { file: message });
}

/**
 * Imports a response file of the ANAM (one ClaimResponse or a Bundle of them), all or nothing:
 * each answer is matched to the Claim it answers and read line by line; the same file twice
 * changes nothing. Runs in the caller's transaction.
 */
export async function importResponseFile(ctx: ServiceContext, file: { path: string; name: string }): Promise<ResponseImportReport> {
  const now = ctx.clock.now().toISOString();
  const size = (await stat(file.path)).size;
  if (size > MAX_BYTES) throw refusal(['fichier trop volumineux pour une réponse de l’ANAM (64 Mo au plus)']);
  const parsed = parseResponseFile(await readFile(file.path, 'utf8'));
  if (!parsed.ok) throw refusal(parsed.errors);
  const planned = await plan(ctx.db, parsed.responses);

  // Claims in id order: two imports touching the same claims take turns on their rows.
  const claimIds = [...new Set(planned.map((p) => p.message.claim_id))].sort((a, b) => a - b);
  for (const id of claimIds) await ctx.features.forUpdate(ctx.db.selectFrom('claim').select('id').where('id', '=', id)).execute();

  const report: ResponseImportReport = { fileName: file.name, responses: planned.length, applied: 0, unchanged: 0, errors: 0, claims: [] };
  const origin = { at: now, source: 'fichier' as const, fileName: file.name, by: ctx.login };
  const done = new Set<number>();
  for (const p of planned) {
    if (done.has(p.message.id)) {
      report.unchanged += 1;
      continue;
    }
    done.add(p.message.id);
    if (p.kind === 'error') {
      await ctx.db
        .insertInto('outbox_attempt')
        .values({
          message_id: p.message.id,
          worker: `fichier ${file.name}`.slice(0, 200),
          started_at: now,
          finished_at: now,
          http_status: null,
          outcome: 'echec',
          error: p.error,
        })
        .execute();
      await ctx.db
        .updateTable('outbox_message')
        .set({ last_error: p.error })
        .where('id', '=', p.message.id)
        .where('status', '<>', 'livre')
        .execute();
      report.errors += 1;
      continue;
    }
    const outcome = await recordDecisions(ctx.db, p.message, p.response, p.decisions, origin);
    report[outcome] += 1;
  }
  for (const id of claimIds) await refreshClaimStatus(ctx.db, id);

  const money = await claimMoney(ctx.db, claimIds);
  const rows = claimIds.length
    ? await ctx.db
        .selectFrom('claim')
        .select(['id', 'month', 'version', 'status'])
        .where('id', 'in', claimIds)
        .orderBy('month')
        .orderBy('version')
        .execute()
    : [];
  report.claims = rows.map((r) => ({ month: r.month, version: r.version, status: r.status, ...(money.get(r.id) ?? emptyMoney()).totals }));
  return report;
}
