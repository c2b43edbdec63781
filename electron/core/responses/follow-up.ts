import type { Kysely, Selectable } from 'kysely';
import { outstandingOf } from '../../../shared/rules/claim-adjudication';
import { daysBetween } from '../../../shared/lib/dates';
import type { ClaimFollowUp, ClaimFollowUpView, ClaimListRow, LineResponseView } from '../../../shared/domain/claim-responses';
import type { ClaimDocument } from '../../../shared/domain/claims';
import { frenchMonth } from '../../../shared/lib/months';
import { isoToday, type Clock } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import type { ClaimTable } from '../db/schema/claims';
import { billedLines } from '../claims/export/fhir';
import { latestOf, toSummary } from '../claims/store';
import { notFound, refused } from '../errors';
import { getSetting } from '../settings/settings';
import { currentDecisions } from './decisions';
import { claimMoney, emptyMoney, type ClaimMoney } from './totals';

interface Context {
  today: string;
  delayDays: number;
  versions: Map<number, number>;
}

function followUpOf(row: Selectable<ClaimTable>, money: ClaimMoney, context: Context): ClaimFollowUp {
  const { totals, paid, sending } = money;
  const outstanding = outstandingOf(totals, paid);
  const open = outstanding > 0 || totals.answered < totals.claimed;
  const daysSinceSent = sending.firstSentAt && open ? daysBetween(sending.firstSentAt, context.today) : null;
  return {
    ...totals,
    sentAt: sending.firstSentAt,
    paid,
    outstanding,
    daysSinceSent,
    overdue: daysSinceSent !== null && daysSinceSent > context.delayDays && outstanding > 0,
    pendingMessages: sending.pending,
    supersededByVersion: sending.supersededBy === null ? null : (context.versions.get(sending.supersededBy) ?? null),
    resubmitsVersion: row.resubmits_id === null ? null : (context.versions.get(row.resubmits_id) ?? null),
  };
}

async function contextOf(db: Kysely<Database>, clock: Clock): Promise<Context> {
  const versions = await db.selectFrom('claim').select(['id', 'version']).execute();
  return {
    today: isoToday(clock),
    delayDays: await getSetting(db, 'claims.paymentDelayDays'),
    versions: new Map(versions.map((v) => [v.id, v.version])),
  };
}

/** Every version of every month, newest first, with what was sent, accepted, paid and is still owed. */
export async function claimListRows({ db, clock }: ServiceContext): Promise<ClaimListRow[]> {
  const rows = await db.selectFrom('claim').selectAll().orderBy('month', 'desc').orderBy('version', 'desc').execute();
  const money = await claimMoney(db);
  const context = await contextOf(db, clock);
  return rows.map((r) => ({
    ...toSummary(r),
    followUp: r.status === 'brouillon' ? null : followUpOf(r, money.get(r.id) ?? emptyMoney(), context),
  }));
}

/** The follow-up of one signed version: each line's answer, the sending history, payments, resubmissions. */
export async function claimFollowUp(
  { db, clock }: ServiceContext,
  { month, version }: { month: string; version: number },
): Promise<ClaimFollowUpView> {
  const row = await latestOf(db, month, version);
  if (!row) throw notFound(`Aucune réclamation pour ${frenchMonth(month)} en version ${version}.`);
  if (row.content === null) throw refused('Ce brouillon n’est pas encore signé : il n’a ni envoi ni réponse.');
  const money = await claimMoney(db, [row.id]);
  const context = await contextOf(db, clock);
  const decisions = await currentDecisions(db, row.id);
  const resubmissions = await db.selectFrom('claim').selectAll().where('resubmits_id', '=', row.id).orderBy('version').execute();
  const attempts = await db
    .selectFrom('outbox_attempt')
    .innerJoin('outbox_message', 'outbox_message.id', 'outbox_attempt.message_id')
    .select([
      'outbox_message.episode_number',
      'outbox_attempt.started_at',
      'outbox_attempt.finished_at',
      'outbox_attempt.worker',
      'outbox_attempt.http_status',
      'outbox_attempt.outcome',
      'outbox_attempt.error',
    ])
    .where('outbox_message.claim_id', '=', row.id)
    .orderBy('outbox_attempt.id', 'desc')
    .limit(2000)
    .execute();
  const responses = await db
    .selectFrom('claim_response')
    .innerJoin('outbox_message', 'outbox_message.id', 'claim_response.message_id')
    .select([
      'outbox_message.episode_number',
      'claim_response.received_at',
      'claim_response.source',
      'claim_response.file_name',
      'claim_response.by_login',
      'claim_response.outcome',
      'claim_response.disposition',
      'claim_response.sha256',
    ])
    .where('outbox_message.claim_id', '=', row.id)
    .orderBy('claim_response.id', 'desc')
    .execute();
  const allocations = await db
    .selectFrom('payment_allocation')
    .innerJoin('payment', 'payment.id', 'payment_allocation.payment_id')
    .select(['payment.id', 'payment.paid_on', 'payment.reference', 'payment_allocation.amount'])
    .where('payment_allocation.claim_id', '=', row.id)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('payment_cancellation').select('payment_id').whereRef('payment_id', '=', 'payment.id'))),
    )
    .orderBy('payment.paid_on')
    .orderBy('payment_allocation.id')
    .execute();
  const items = await db
    .selectFrom('outbox_item')
    .innerJoin('outbox_message', 'outbox_message.id', 'outbox_item.message_id')
    .select(['outbox_message.episode_number', 'outbox_item.line_key', 'outbox_item.sequence'])
    .where('outbox_message.claim_id', '=', row.id)
    .execute();

  const keyOf = (episode: string, line: string) => `${episode}|${line}`;
  const decided = new Map(decisions.map((d) => [keyOf(d.episode_number, d.line_key), d]));
  const sequence = new Map(items.map((i) => [keyOf(i.episode_number, i.line_key), i.sequence]));
  const resubmittedIn = new Map<string, number>();
  for (const r of resubmissions) {
    for (const e of (JSON.parse(r.content!) as ClaimDocument).episodes)
      if (!resubmittedIn.has(e.number)) resubmittedIn.set(e.number, r.version);
  }
  const doc = JSON.parse(row.content) as ClaimDocument;
  const lines: LineResponseView[] = doc.episodes
    .filter((e) => !e.excluded)
    .flatMap((e) =>
      billedLines(e).map((l, i) => {
        const d = decided.get(keyOf(e.number, l.key));
        return {
          episodeNumber: e.number,
          patientName: e.patientName,
          lineKey: l.key,
          sequence: sequence.get(keyOf(e.number, l.key)) ?? i + 1,
          code: l.code,
          label: l.label,
          performedOn: l.performedOn,
          claimed: l.amount,
          state: d?.status ?? 'sans_reponse',
          accepted: d?.accepted ?? 0,
          rejected: d ? d.claimed - d.accepted : 0,
          reasonCode: d?.reason_code ?? null,
          reasonText: d?.reason_text ?? null,
          respondedAt: d?.received_at ?? null,
          resubmittedIn: d?.status === 'rejetee' ? (resubmittedIn.get(e.number) ?? null) : null,
        };
      }),
    );
  return {
    claim: { ...toSummary(row), followUp: followUpOf(row, money.get(row.id) ?? emptyMoney(), context) },
    lines,
    attempts: attempts.map((a) => ({
      episodeNumber: a.episode_number,
      startedAt: a.started_at,
      finishedAt: a.finished_at,
      worker: a.worker,
      httpStatus: a.http_status,
      outcome: a.outcome,
      error: a.error,
    })),
    responses: responses.map((r) => ({
      episodeNumber: r.episode_number,
      receivedAt: r.received_at,
      source: r.source,
      fileName: r.file_name,
      by: r.by_login,
      outcome: r.outcome,
      disposition: r.disposition,
      sha256: r.sha256,
    })),
    allocations: allocations.map((a) => ({ paymentId: a.id, paidOn: a.paid_on, reference: a.reference, amount: Number(a.amount) })),
    resubmissions: resubmissions.map((r) => ({ version: r.version, status: r.status })),
    rejectedToResubmit: lines.filter((l) => l.state === 'rejetee' && l.resubmittedIn === null).length,
  };
}
