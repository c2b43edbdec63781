/** What the manager is about to change in the claim, with the sentence that says it. */
export type ClaimChange =
  { kind: 'exclude'; episodeId: number; lineKey?: string; title: string } | { kind: 'cancel'; exclusionId: number; title: string };
