/** What comparing a NINA typed at the desk with the registry's says. */
export type NinaCheck = 'match' | 'mismatch';

/** Spaces, dots and dashes are how NINAs get typed or printed, not part of them. */
const ninaKey = (nina: string): string => nina.replace(/[\s.\-_/]/g, '').toUpperCase();

/**
 * The typed NINA against the registry's, both normalised; null when there is nothing to compare
 * (nothing typed, or no NINA in the registry for this person).
 */
export function compareNina(typed: string | null | undefined, registry: string | null | undefined): NinaCheck | null {
  const a = ninaKey(typed ?? '');
  const b = ninaKey(registry ?? '');
  if (a === '' || b === '') return null;
  return a === b ? 'match' : 'mismatch';
}
