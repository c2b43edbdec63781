import { z } from 'zod';
import '../contract/validation';

/**
 * The ANAM's answer to one Claim (FHIR R4 `ClaimResponse`), as far as the facility uses it: the
 * outcome, and per item the adjudication (accepted amount `benefit`, or `denied` with a reason).
 * Parsed strictly: an answer that does not say which Claim it answers is not applied.
 */
const coding = z.object({ system: z.string().optional(), code: z.string().min(1), display: z.string().optional() });
const codeable = z.object({ coding: z.array(coding).min(1, 'Codage attendu'), text: z.string().optional() });
const amount = z.object({
  value: z.number({ message: 'Montant attendu' }).int('Montant en FCFA entiers attendu').nonnegative('Montant négatif'),
  currency: z.literal('XOF', { message: 'Devise attendue : XOF' }),
});

export const ADJUDICATION_CATEGORIES = ['submitted', 'benefit', 'denied'] as const;

const adjudication = z.object({
  category: z.object({ coding: z.array(coding.extend({ code: z.enum(ADJUDICATION_CATEGORIES) })).min(1) }),
  reason: codeable.optional(),
  amount: amount.optional(),
});

const identifier = z.object({ system: z.string().optional(), value: z.string().min(1, 'Valeur d’identifiant attendue') });

/**
 * How a ClaimResponse names its Claim (FHIR R4): `request` (a reference `Claim/<id>` and/or an
 * identifier), and/or identifiers copied from the Claim (openIMIS). Any, or none: which Claim it
 * answers is decided by claim-match.ts, against what was sent.
 */
const naming = {
  id: z.string().max(200).optional(),
  identifier: z.array(identifier).optional(),
  request: z.object({ reference: z.string().min(1).optional(), identifier: identifier.optional() }).optional(),
};

/**
 * An answer that says the Claim was taken in and is waiting for its decision (openIMIS answers a
 * freshly entered Claim `outcome: queued`); its items are not read.
 */
export const queuedResponseSchema = z.object({
  resourceType: z.literal('ClaimResponse'),
  outcome: z.literal('queued'),
  ...naming,
});

export type QueuedResponse = z.infer<typeof queuedResponseSchema>;

export const claimResponseSchema = z.object({
  resourceType: z.literal('ClaimResponse', { message: 'Ressource attendue : ClaimResponse' }),
  status: z.literal('active', { message: 'Statut attendu : active' }),
  outcome: z.enum(['complete', 'partial', 'error'], { message: 'Résultat attendu : complete, partial ou error' }),
  ...naming,
  disposition: z.string().optional(),
  /** Why the ANAM could not process the Claim (with `outcome: error`). */
  error: z.array(z.object({ code: codeable })).optional(),
  item: z
    .array(
      z.object({
        itemSequence: z.number().int().positive(),
        adjudication: z.array(adjudication).min(1, 'Décision attendue pour chaque ligne'),
      }),
    )
    .default([]),
});

export type ClaimResponseResource = z.infer<typeof claimResponseSchema>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A response file of the ANAM: one ClaimResponse, or a Bundle of them (any Bundle type). Each is
 * parsed strictly; the errors say which one is wrong and why, in French.
 */
export function parseResponseFile(text: string): { ok: true; responses: ClaimResponseResource[] } | { ok: false; errors: string[] } {
  let body: unknown;
  try {
    body = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, errors: ['le fichier n’est pas du JSON valide (fichier tronqué ou autre format ?)'] };
  }
  if (!isObject(body)) return { ok: false, errors: ['le fichier ne contient pas une ressource FHIR'] };
  if (body.resourceType === 'OperationOutcome') {
    const issues = Array.isArray(body.issue) ? body.issue.filter(isObject).map((i) => String(i.diagnostics ?? i.code ?? '')) : [];
    return {
      ok: false,
      errors: [
        `le fichier est un message d’erreur de l’ANAM (OperationOutcome${issues.length ? ` : ${issues.join(' ; ').slice(0, 200)}` : ''}), pas une réponse`,
      ],
    };
  }
  let candidates: unknown[];
  if (body.resourceType === 'ClaimResponse') candidates = [body];
  else if (body.resourceType === 'Bundle' && Array.isArray(body.entry)) {
    candidates = body.entry.map((e) => (isObject(e) ? e.resource : undefined));
  } else return { ok: false, errors: ['ressource attendue : ClaimResponse, ou un Bundle de ClaimResponse'] };
  if (candidates.length === 0) return { ok: false, errors: ['le fichier ne contient aucune réponse'] };
  const errors: string[] = [];
  const responses: ClaimResponseResource[] = [];
  candidates.forEach((candidate, i) => {
    const parsed = claimResponseSchema.safeParse(candidate);
    if (parsed.success) responses.push(parsed.data);
    else {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? ` (${issue.path.map(String).join('.')})` : '';
      errors.push(`réponse n° ${i + 1}${where} : ${issue.message}`);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, responses };
}
