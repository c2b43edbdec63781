/** What the administrator confirmed after a registry import asked (missing updates, mass strike-off). */
export interface Confirmations {
  acceptGap?: boolean;
  force?: boolean;
}

export const NOTHING_CONFIRMED: Confirmations = {};

/** The confirmations a refused import asks for, named by the fields of its CONFLICT answer. */
export function confirmationsAsked(fields: Record<string, string> | undefined): Confirmations | null {
  if (!fields) return null;
  const asked: Confirmations = {};
  if ('acceptGap' in fields) asked.acceptGap = true;
  if ('force' in fields) asked.force = true;
  return asked.acceptGap || asked.force ? asked : null;
}
