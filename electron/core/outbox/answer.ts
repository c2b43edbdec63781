import { claimResponseSchema, queuedResponseSchema, type ClaimResponseResource } from '../../../shared/rules/claim-response';
import { describeZodError } from '../../../shared/contract/validation';
import { claimIdOfReference, matchAnswer, type SentClaim } from './claim-match';

/** How a Claim is posted (setting `anam.submitMode`). */
export type SubmitMode = 'bundle' | 'claim';

/** What one HTTP answer of the ANAM means for the message. */
export type AnswerVerdict =
  /** Taken in and decided: the ClaimResponse to apply. */
  | { kind: 'delivered'; response: ClaimResponseResource; remoteId: string | null }
  /** Taken in, decision to come (by file or by polling). */
  | { kind: 'accepted'; remoteId: string | null }
  /** Already held by the ANAM (a resend after a lost answer). */
  | { kind: 'duplicate'; remoteId: string | null }
  | { kind: 'failed'; error: string };

/** One HTTP exchange: the status, the body as text and the `Location` header. */
export interface Exchange {
  status: number;
  text: string;
  location: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function diagnostics(body: unknown): string {
  if (!isObject(body) || body.resourceType !== 'OperationOutcome' || !Array.isArray(body.issue)) return '';
  const texts = body.issue.filter(isObject).map((i) => String(i.diagnostics ?? i.code ?? ''));
  return texts.length > 0 ? ` : ${texts.join(' ; ').slice(0, 300)}` : '';
}

const issuesOf = (body: unknown) => (isObject(body) && Array.isArray(body.issue) ? body.issue.filter(isObject) : []);

const isDuplicateOutcome = (body: unknown) =>
  isObject(body) && body.resourceType === 'OperationOutcome' && issuesOf(body).some((i) => i.code === 'duplicate');

/** An OperationOutcome that reports only information or warnings (a server asked for `return=OperationOutcome`). */
const isBenignOutcome = (body: unknown) =>
  isObject(body) &&
  body.resourceType === 'OperationOutcome' &&
  issuesOf(body).every((i) => i.severity === 'information' || i.severity === 'warning');

const remoteIdOf = (location: unknown) => (typeof location === 'string' ? claimIdOfReference(location) : null);

/** Reads a ClaimResponse against the Claim sent on the same exchange. */
function judgeResponse(candidate: unknown, sent: SentClaim, remoteId: string | null): AnswerVerdict {
  const known = { ...sent, remoteId: remoteId ?? sent.remoteId };
  const queued = queuedResponseSchema.safeParse(candidate);
  const parsed = queued.success ? null : claimResponseSchema.safeParse(candidate);
  if (parsed && !parsed.success) {
    return { kind: 'failed', error: `Réponse de l’ANAM non conforme : ${describeZodError(parsed.error).message}.` };
  }
  const match = matchAnswer(known, queued.success ? queued.data : parsed!.data!, { learn: true });
  if (match.kind === 'other')
    return { kind: 'failed', error: `Réponse de l’ANAM pour une autre réclamation (${match.named.slice(0, 80)}).` };
  if (queued.success) return { kind: 'accepted', remoteId: match.remoteId };
  return { kind: 'delivered', response: parsed!.data!, remoteId: match.remoteId };
}

/** The first entry of a Bundle answer (a `transaction-response`, or the app's older convention). */
function readBundle(body: Record<string, unknown>, sent: SentClaim): AnswerVerdict {
  const entry: unknown = Array.isArray(body.entry) ? body.entry[0] : undefined;
  if (!isObject(entry)) return { kind: 'failed', error: 'Réponse de l’ANAM non conforme : Bundle sans entrée.' };
  const response = isObject(entry.response) ? entry.response : null;
  const status = typeof response?.status === 'string' ? Number.parseInt(response.status, 10) : null;
  if (status !== null && (status < 200 || status >= 300)) {
    if (status === 409 || isDuplicateOutcome(response?.outcome)) return { kind: 'duplicate', remoteId: null };
    return {
      kind: 'failed',
      error: `L’ANAM a refusé la réclamation (${String(response!.status).slice(0, 40)})${diagnostics(response!.outcome)}.`,
    };
  }
  const remoteId = remoteIdOf(response?.location);
  const resource = entry.resource;
  if (isObject(resource) && resource.resourceType === 'ClaimResponse') return judgeResponse(resource, sent, remoteId);
  if (response === null) return judgeResponse(resource, sent, remoteId);
  // A transaction-response without a ClaimResponse: the Claim is held, its decision comes later.
  return { kind: 'accepted', remoteId: remoteId ?? (isObject(resource) && typeof resource.id === 'string' ? resource.id : null) };
}

/**
 * Reads one answer to the POST of one Claim. Accepted: a ClaimResponse naming this Claim (or
 * naming none), a `transaction-response` Bundle (with or without a ClaimResponse), and in `claim`
 * mode a created Claim or an empty body (`Location` names it). A duplicate (409, or an
 * OperationOutcome `duplicate`) means already held. Anything else is a failure to retry.
 */
export function readAnswer(exchange: Exchange, sent: SentClaim, mode: SubmitMode): AnswerVerdict {
  const { status, text } = exchange;
  let body: unknown;
  try {
    body = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    if (status >= 200 && status < 300) return { kind: 'failed', error: 'Réponse illisible de l’ANAM (JSON invalide).' };
  }
  if (status === 409 || isDuplicateOutcome(body)) return { kind: 'duplicate', remoteId: remoteIdOf(exchange.location) };
  if (status < 200 || status >= 300) return { kind: 'failed', error: `L’ANAM a répondu HTTP ${status}${diagnostics(body)}.` };
  const location = remoteIdOf(exchange.location);
  if (isObject(body) && body.resourceType === 'OperationOutcome') {
    if (isBenignOutcome(body) && mode === 'claim') return { kind: 'accepted', remoteId: location };
    return { kind: 'failed', error: `L’ANAM a signalé une erreur${diagnostics(body) || ' sans la préciser'}.` };
  }
  if (isObject(body) && body.resourceType === 'Bundle') return readBundle(body, sent);
  if (mode === 'claim' && (body === undefined || (isObject(body) && body.resourceType === 'Claim'))) {
    return { kind: 'accepted', remoteId: location ?? (isObject(body) && typeof body.id === 'string' ? body.id : null) };
  }
  return judgeResponse(body, sent, location);
}
