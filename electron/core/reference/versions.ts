import { addDays, frenchDate } from '../../../shared/lib/dates';
import type { LineError } from '../../../shared/domain/reference';

/**
 * How a file's versions join the versions already recorded for the same item (an act at a level,
 * a medicine). Versions of an item never overlap: a new version ends the period of the one before
 * it (and, inserted between two, ends where the next begins). A recorded version's content is never
 * changed: only its end date moves, when a later version starts or the file gives the end of an
 * open period. Re-importing the same file changes nothing.
 */
export interface Version<C> {
  /** Null for a version this file adds. */
  id: number | null;
  from: string;
  to: string | null;
  content: C;
  /** The file line that adds it. */
  line?: number;
}

export interface IncomingVersion<C> {
  key: string;
  line: number;
  from: string;
  to: string | null;
  content: C;
}

export interface VersionPlan<C> {
  inserts: Array<{ key: string; line: number; from: string; to: string | null; content: C }>;
  /** Recorded versions whose period ends now. */
  closes: Array<{ id: number; to: string }>;
  unchanged: number;
  errors: LineError[];
}

export function planVersions<C>(
  existing: ReadonlyMap<string, ReadonlyArray<Version<C>>>,
  incoming: ReadonlyArray<IncomingVersion<C>>,
  rules: {
    differences(recorded: C, given: C): string[];
    /** "l’acte CS-CUR au niveau CSCOM": names the item in messages. */
    describeKey(key: string): string;
  },
): VersionPlan<C> {
  const plan: VersionPlan<C> = { inserts: [], closes: [], unchanged: 0, errors: [] };
  const byKey = new Map<string, IncomingVersion<C>[]>();
  for (const item of incoming) byKey.set(item.key, [...(byKey.get(item.key) ?? []), item]);

  for (const [key, items] of byKey) {
    const recorded = (existing.get(key) ?? []).map((v) => ({ ...v, recordedTo: v.to }));
    const versions = [...recorded].sort((a, b) => a.from.localeCompare(b.from));
    for (const item of [...items].sort((a, b) => a.from.localeCompare(b.from) || a.line - b.line)) {
      const error = (reason: string) => plan.errors.push({ line: item.line, reason });
      const what = rules.describeKey(key);
      const same = versions.find((v) => v.from === item.from);
      const next = versions.find((v) => v.from > item.from);
      if (same) {
        if (same.id === null) {
          error(`la ligne ${same.line} donne déjà une version de ${what} au ${frenchDate(item.from)}`);
          continue;
        }
        const diff = rules.differences(same.content, item.content);
        if (diff.length > 0) {
          error(
            `${what} a déjà une version au ${frenchDate(item.from)}, avec un autre contenu (${diff.join(' ; ')}) : ` +
              'une correction doit porter une nouvelle date d’effet',
          );
        } else if (item.to === null || item.to === same.to) {
          plan.unchanged += 1;
        } else if (same.to === null && (!next || item.to < next.from)) {
          same.to = item.to;
        } else {
          error(`${what} : la fin d’effet diffère de celle déjà enregistrée (${same.to ? frenchDate(same.to) : 'aucune'})`);
        }
        continue;
      }
      if (item.to !== null && next && item.to >= next.from) {
        error(`${what} : la période chevauche la version en vigueur à partir du ${frenchDate(next.from)}`);
        continue;
      }
      const previous = versions.filter((v) => v.from < item.from).at(-1);
      if (previous && (previous.to === null || previous.to >= item.from)) previous.to = addDays(item.from, -1);
      const added = {
        id: null,
        from: item.from,
        to: item.to ?? (next ? addDays(next.from, -1) : null),
        content: item.content,
        line: item.line,
      };
      versions.push({ ...added, recordedTo: null });
      versions.sort((a, b) => a.from.localeCompare(b.from));
    }
    for (const v of versions) {
      if (v.id === null) plan.inserts.push({ key, line: v.line!, from: v.from, to: v.to, content: v.content });
      else if (v.to !== v.recordedTo) plan.closes.push({ id: v.id, to: v.to! });
    }
  }
  plan.errors.sort((a, b) => a.line - b.line);
  return plan;
}
