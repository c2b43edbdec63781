import { claimResponseSchema, type ClaimResponseResource } from '../../../shared/claim-response';
import { describeZodError } from '../../../shared/validation';

/** What one HTTP answer of the ANAM means for the message. */
export type AnswerVerdict =
  { kind: 'delivered'; response: ClaimResponseResource } | { kind: 'duplicate' } | { kind: 'failed'; error: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function diagnostics(body: unknown): string {
  if (!isObject(body) || body.resourceType !== 'OperationOutcome' || !Array.isArray(body.issue)) return '';
  const texts = body.issue.filter(isObject).map((i) => String(i.diagnostics ?? i.code ?? ''));
  return texts.length > 0 ? ` : ${texts.join(' ; ').slice(0, 300)}` : '';
}

const isDuplicateOutcome = (body: unknown) =>
  isObject(body) &&
  body.resourceType === 'OperationOutcome' &&
  Array.isArray(body.issue) &&
  body.issue.some((i) => isObject(i) && i.code === 'duplicate');

/** The ClaimResponse itself, or the first entry of a `transaction-response` Bundle. */
function claimResponseOf(body: unknown): unknown {
  if (isObject(body) && body.resourceType === 'Bundle' && Array.isArray(body.entry)) {
    const first: unknown = body.entry[0];
    return isObject(first) ? first.resource : undefined;
  }
  return body;
}

/** Reads one answer strictly: anything but a valid ClaimResponse for this key (or a duplicate) is a failure to retry. */
export function readAnswer(status: number, text: string, key: string): AnswerVerdict {
  let body: unknown;
  try {
    body = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    if (status >= 200 && status < 300) return { kind: 'failed', error: 'Réponse illisible de l’ANAM (JSON invalide).' };
  }
  if (status === 409 || isDuplicateOutcome(body)) return { kind: 'duplicate' };
  if (status < 200 || status >= 300) return { kind: 'failed', error: `L’ANAM a répondu HTTP ${status}${diagnostics(body)}.` };
  if (isObject(body) && body.resourceType === 'OperationOutcome') {
    return { kind: 'failed', error: `L’ANAM a signalé une erreur${diagnostics(body) || ' sans la préciser'}.` };
  }
  const parsed = claimResponseSchema.safeParse(claimResponseOf(body));
  if (!parsed.success) return { kind: 'failed', error: `Réponse de l’ANAM non conforme : ${describeZodError(parsed.error).message}.` };
  if (parsed.data.request.identifier.value !== key) {
    return {
      kind: 'failed',
      error: `Réponse de l’ANAM pour une autre réclamation (${parsed.data.request.identifier.value.slice(0, 40)}).`,
    };
  }
  return { kind: 'delivered', response: parsed.data };
}
