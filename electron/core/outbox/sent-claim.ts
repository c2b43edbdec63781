import type { SentClaim } from './claim-match';

interface StoredBundle {
  entry: Array<{ resource: { id: string; identifier: Array<{ system: string; value: string }> } }>;
}

/** The Claim resource inside a queued message's frozen transaction Bundle. */
export function claimOfBody(body: string): StoredBundle['entry'][number]['resource'] {
  return (JSON.parse(body) as StoredBundle).entry[0]!.resource;
}

/** What the answer matching needs to know of a queued message. */
export function sentClaimOf(message: { body: string; idempotency_key: string; remote_id: string | null }): SentClaim {
  const claim = claimOfBody(message.body);
  return { id: claim.id ?? message.idempotency_key, identifiers: claim.identifier, remoteId: message.remote_id };
}
