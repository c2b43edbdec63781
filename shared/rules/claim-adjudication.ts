import type { ClaimResponseResource } from './claim-response';
import type { ClaimStatus } from '../domain/claims';
import type { ClaimedItem, LineDecision, ResponseTotals } from '../domain/claim-responses';
import { formatAmount } from '../lib/money';

/**
 * The ANAM's ClaimResponse read line by line against the Claim as it was sent. Strict: every item
 * is answered exactly once, accepted (`benefit` with its amount, at most the amount claimed) or
 * rejected (`denied`, or a benefit of 0) with its reason. Any doubt refuses the whole answer.
 */
export type Adjudication = { ok: true; decisions: LineDecision[] } | { ok: false; errors: string[] };

type ResponseItem = ClaimResponseResource['item'][number];
type Adjudicated = ResponseItem['adjudication'][number];

const categoryOf = (a: Adjudicated) => a.category.coding[0]!.code;

function reasonOf(adjudications: readonly Adjudicated[]): { code: string | null; text: string | null } {
  const reason = adjudications.find((a) => a.reason)?.reason;
  if (!reason) return { code: null, text: null };
  const coding = reason.coding[0]!;
  return { code: coding.code, text: reason.text ?? coding.display ?? null };
}

function decide(item: ClaimedItem, answer: ResponseItem): LineDecision | string {
  const where = `ligne ${item.sequence}`;
  const benefit = answer.adjudication.filter((a) => categoryOf(a) === 'benefit');
  const denied = answer.adjudication.some((a) => categoryOf(a) === 'denied');
  const submitted = answer.adjudication.find((a) => categoryOf(a) === 'submitted' && a.amount);
  if (submitted && submitted.amount!.value !== item.amount) {
    return `${where} : montant soumis ${formatAmount(submitted.amount!.value)} au lieu de ${formatAmount(item.amount)} réclamés`;
  }
  if (benefit.length > 1) return `${where} : plusieurs montants acceptés`;
  if (denied && benefit.length === 1 && benefit[0]!.amount?.value !== 0) return `${where} : à la fois rejetée et acceptée`;
  if (!denied && benefit.length === 0) return `${where} : ni acceptée ni rejetée`;
  const reason = reasonOf(answer.adjudication);
  const accepted = denied ? 0 : benefit[0]!.amount?.value;
  if (accepted === undefined) return `${where} : montant accepté absent`;
  if (accepted > item.amount) {
    return `${where} : montant accepté ${formatAmount(accepted)} supérieur aux ${formatAmount(item.amount)} réclamés`;
  }
  const status = accepted === 0 ? 'rejetee' : accepted < item.amount ? 'ajustee' : 'acceptee';
  if (status === 'rejetee' && reason.code === null) return `${where} : rejet sans motif`;
  return {
    sequence: item.sequence,
    lineKey: item.lineKey,
    status,
    claimed: item.amount,
    accepted,
    reasonCode: status === 'acceptee' ? null : reason.code,
    reasonText: status === 'acceptee' ? null : reason.text,
  };
}

export function adjudicate(items: readonly ClaimedItem[], response: ClaimResponseResource): Adjudication {
  const errors: string[] = [];
  const bySequence = new Map(items.map((i) => [i.sequence, i]));
  const answers = new Map<number, ResponseItem>();
  for (const answer of response.item) {
    if (!bySequence.has(answer.itemSequence)) errors.push(`ligne ${answer.itemSequence} inconnue de la réclamation envoyée`);
    else if (answers.has(answer.itemSequence)) errors.push(`ligne ${answer.itemSequence} décidée deux fois`);
    else answers.set(answer.itemSequence, answer);
  }
  const decisions: LineDecision[] = [];
  for (const item of items) {
    const answer = answers.get(item.sequence);
    if (!answer) {
      errors.push(`ligne ${item.sequence} sans décision`);
      continue;
    }
    const decision = decide(item, answer);
    if (typeof decision === 'string') errors.push(decision);
    else decisions.push(decision);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, decisions };
}

/** Sums of a version: `claimed` is every item sent; the decisions are the newest answer of each Claim. */
export function responseTotals(claimed: number, decisions: ReadonlyArray<Pick<LineDecision, 'claimed' | 'accepted'>>): ResponseTotals {
  let answered = 0;
  let accepted = 0;
  for (const d of decisions) {
    answered += d.claimed;
    accepted += d.accepted;
  }
  return { claimed, answered, accepted, rejected: answered - accepted };
}

/**
 * The status a signed version shows: sent once every Claim reached the ANAM; once every line is
 * answered, accepted, partly rejected or rejected; paid when payments cover what was accepted.
 */
export function claimStatusOf(input: { allDelivered: boolean; totals: ResponseTotals; paid: number }): ClaimStatus {
  const { totals, paid } = input;
  if (totals.claimed > 0 && totals.answered === totals.claimed) {
    if (totals.accepted === 0) return 'rejetee';
    if (paid >= totals.accepted) return 'payee';
    return totals.rejected === 0 ? 'acceptee' : 'partiellement_rejetee';
  }
  return input.allDelivered ? 'envoyee' : 'signee';
}

/** What the ANAM may still pay on a version: claimed less rejected, less paid. */
export const outstandingOf = (totals: ResponseTotals, paid: number): number => totals.claimed - totals.rejected - paid;
