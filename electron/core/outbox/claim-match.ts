/** An identifier as a ClaimResponse may carry it (openIMIS sends some without a system). */
export interface AnswerIdentifier {
  system?: string | undefined;
  value: string;
}

/** What a ClaimResponse may say about the Claim it answers (FHIR R4). */
export interface AnswerNaming {
  identifier?: readonly AnswerIdentifier[] | undefined;
  request?: { reference?: string | undefined; identifier?: AnswerIdentifier | undefined } | undefined;
}

/** The Claim as it was sent, and the id the server gave it when known. */
export interface SentClaim {
  /** `Claim.id` in the body (the idempotency key). */
  id: string;
  identifiers: ReadonlyArray<{ system: string; value: string }>;
  /** The server's id for it (`response.location`, `Location`, an earlier answer); null when unknown. */
  remoteId: string | null;
}

export type MatchVerdict =
  /** The answer names this Claim (or names none): `remoteId` is the server's id, learnt if it was unknown. */
  | { kind: 'this'; remoteId: string | null; named: boolean }
  /** The answer positively names a different claim. */
  | { kind: 'other'; named: string };

/** `Claim/<id>`, absolute or relative, with or without `/_history/<n>`; null for anything else. */
export function claimIdOfReference(reference: string): string | null {
  const match = /(?:^|\/)Claim\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]+)?$/.exec(reference.trim());
  return match ? match[1]! : null;
}

type Evidence = { kind: 'this' } | { kind: 'other'; named: string } | { kind: 'unknown' };

function judgeIdentifier(sent: SentClaim, given: AnswerIdentifier): Evidence {
  if (given.system) {
    const same = sent.identifiers.filter((i) => i.system === given.system);
    if (same.length === 0) return { kind: 'unknown' };
    return same.some((i) => i.value === given.value) ? { kind: 'this' } : { kind: 'other', named: `${given.system}|${given.value}` };
  }
  // Without a system a value can only confirm: an unknown one may be any id of the server's own.
  const known = [sent.id, sent.remoteId, ...sent.identifiers.map((i) => i.value)];
  return known.includes(given.value) ? { kind: 'this' } : { kind: 'unknown' };
}

/**
 * Which Claim an answer names, by FHIR's rules: any identifier the Claim carries (in
 * `request.identifier` or copied into `ClaimResponse.identifier`), or `request.reference` to the
 * Claim's id (ours, or the server's). An answer naming nothing is taken for the Claim it answers;
 * only an answer that positively names a different claim is refused. When the server's id is not
 * known yet, a reference to another id contradicts nothing; and if `learn` is set (the answer came
 * on the exchange that posted this Claim), it teaches the server's id.
 */
export function matchAnswer(sent: SentClaim, answer: AnswerNaming, options: { learn: boolean }): MatchVerdict {
  let remoteId = sent.remoteId;
  const evidence: Evidence[] = [];
  const reference = answer.request?.reference;
  if (reference !== undefined) {
    const id = claimIdOfReference(reference);
    if (id === null) {
      // A contained or temporary reference (`#…`, `urn:uuid:…`) says nothing; another resource type is wrong.
      evidence.push(/^(#|urn:)/.test(reference) ? { kind: 'unknown' } : { kind: 'other', named: reference });
    } else if (id === sent.id || id === remoteId) evidence.push({ kind: 'this' });
    else if (remoteId === null && options.learn) {
      remoteId = id;
      evidence.push({ kind: 'this' });
    } else if (remoteId === null) {
      // The server's id is unknown here: a reference to it neither confirms nor contradicts.
      evidence.push({ kind: 'unknown' });
    } else evidence.push({ kind: 'other', named: reference });
  }
  if (answer.request?.identifier) evidence.push(judgeIdentifier({ ...sent, remoteId }, answer.request.identifier));
  for (const identifier of answer.identifier ?? []) evidence.push(judgeIdentifier({ ...sent, remoteId }, identifier));
  const other = evidence.find((e): e is Extract<Evidence, { kind: 'other' }> => e.kind === 'other');
  if (other) return { kind: 'other', named: other.named };
  return { kind: 'this', remoteId, named: evidence.some((e) => e.kind === 'this') };
}
