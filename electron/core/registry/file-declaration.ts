import { parseFileDate } from './registry-row';

/**
 * The declaration line an ANAM registry file may begin with, before the column names:
 *   #RAMED;extraction=2026-12-05;sequence=42
 * the day the ANAM extracted the file and its number in the ANAM's series of registry files.
 */
export interface FileDeclaration {
  /** YYYY-MM-DD. */
  extractDate: string;
  sequence: number;
}

export type DeclarationCheck = { ok: true; declaration: FileDeclaration } | { ok: false; message: string };

export const isDeclarationLine = (line: string): boolean => line.replace(/^\uFEFF/, '').startsWith('#');

const EXAMPLE = '#RAMED;extraction=2026-12-05;sequence=42';

export function parseDeclaration(line: string): DeclarationCheck {
  const refuse = (why: string): DeclarationCheck => ({
    ok: false,
    message: `Ligne de déclaration incorrecte (${why}) : attendu par exemple « ${EXAMPLE} ». Aucune donnée du registre n’a été modifiée.`,
  });
  const values = new Map<string, string>();
  for (const token of line.replace(/^\uFEFF?#/, '').split(/[;,\t ]+/)) {
    const at = token.indexOf('=');
    if (at < 0) continue;
    values.set(token.slice(0, at).trim().toLowerCase(), token.slice(at + 1).trim());
  }
  const rawDate = values.get('extraction');
  const rawSequence = values.get('sequence');
  if (rawDate === undefined) return refuse('date d’extraction absente');
  if (rawSequence === undefined) return refuse('numéro de séquence absent');
  const date = parseFileDate(rawDate, false);
  if (!date) return refuse(`date d’extraction « ${rawDate.slice(0, 20)} » invalide`);
  if (!/^\d{1,9}$/.test(rawSequence) || Number(rawSequence) < 1)
    return refuse(`numéro de séquence « ${rawSequence.slice(0, 20)} » invalide`);
  return { ok: true, declaration: { extractDate: date.date, sequence: Number(rawSequence) } };
}
