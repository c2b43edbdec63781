import type {
  CategoryTotals,
  CheckSeverities,
  ClaimDocument,
  ClaimDocumentEpisode,
  ClaimEpisodeInput,
  ClaimExclusion,
  ClaimFlag,
  FlagView,
} from '../domain/claims';
import { lateClosureOf } from './claim-period';
import { CLAIM_CATEGORIES } from '../domain/claims';
import type { FacilityLevel } from '../domain/facility';

export const zeroTotals = (): CategoryTotals => Object.fromEntries(CLAIM_CATEGORIES.map((c) => [c, 0])) as CategoryTotals;

const sum = (totals: CategoryTotals) => Object.values(totals).reduce((a, b) => a + b, 0);

/**
 * The claim's content from its episodes, their flags and the manager's exclusions. What the RAMED
 * is billed: lines paid by the RAMED, neither the line nor its episode excluded.
 */
export function composeClaim(input: {
  month: string;
  version: number;
  previousSha256: string | null;
  resubmits?: { version: number; sha256: string } | undefined;
  facility: { code: string; name: string; level: FacilityLevel };
  episodes: readonly ClaimEpisodeInput[];
  flags: ClaimFlag[];
  exclusions: readonly ClaimExclusion[];
}): ClaimDocument {
  const episodeExclusion = new Map(input.exclusions.filter((x) => x.lineKey === null).map((x) => [x.episodeId, x.reason]));
  const lineExclusion = new Map(input.exclusions.filter((x) => x.lineKey !== null).map((x) => [x.lineKey!, x.reason]));
  const totals = zeroTotals();
  let programmeTotal = 0;
  const episodes = input.episodes.map((e): ClaimDocumentEpisode => {
    const excluded = episodeExclusion.get(e.episodeId) ?? null;
    const own = zeroTotals();
    const lines = e.lines.map((l) => {
      const lineExcluded = lineExclusion.get(l.key) ?? null;
      if (!excluded && !lineExcluded) {
        if (l.payer === 'ramed') own[l.category] += l.amount;
        else programmeTotal += l.amount;
      }
      return { ...l, excluded: lineExcluded };
    });
    for (const c of CLAIM_CATEGORIES) totals[c] += own[c];
    const late = lateClosureOf(input.month, e.endedOn);
    return {
      episodeId: e.episodeId,
      number: e.number,
      recepisse: e.recepisse,
      patientName: e.patientName,
      type: e.type,
      emergency: e.emergency,
      openedOn: e.openedOn,
      endedOn: e.endedOn,
      ...(late ? { lateClosure: late } : {}),
      ...(e.clinical ? { clinical: e.clinical } : {}),
      excluded,
      lines,
      totals: own,
      total: sum(own),
    };
  });
  return {
    month: input.month,
    version: input.version,
    previousSha256: input.previousSha256,
    ...(input.resubmits ? { resubmits: input.resubmits } : {}),
    facility: input.facility,
    episodes,
    flags: input.flags,
    totals,
    total: sum(totals),
    programmeTotal,
  };
}

/** Each flag with its severity; one on an excluded line or episode no longer blocks. */
export function flagViews(document: ClaimDocument, severities: CheckSeverities): FlagView[] {
  const excludedEpisodes = new Set(document.episodes.filter((e) => e.excluded).map((e) => e.episodeId));
  const excludedLines = new Set(document.episodes.flatMap((e) => e.lines.filter((l) => l.excluded).map((l) => l.key)));
  return document.flags.map((f) => ({
    ...f,
    severity: severities[f.code],
    resolved: excludedEpisodes.has(f.episodeId) || (f.lineKey !== null && excludedLines.has(f.lineKey)),
  }));
}

export const blockingCount = (flags: readonly FlagView[]): number => flags.filter((f) => f.severity === 'bloquant' && !f.resolved).length;
