import { isIsoDate } from '../../../shared/lib/dates';
import { searchKey } from '../../../shared/lib/text';

/**
 * Parsers of one cell of a reference list. Each answers the value or throws a FieldError whose
 * French message names the column and the value, so a line's errors read on their own.
 */
export class FieldError extends Error {}

const fail = (column: string, value: string, expected: string): never => {
  throw new FieldError(`${column} « ${value} » invalide : ${expected}`);
};

export function requiredText(column: string, value: string, max: number): string {
  if (value === '') throw new FieldError(`${column} manquant`);
  if (value.length > max) throw new FieldError(`${column} trop long (${max} caractères au plus)`);
  return value;
}

/** An act or medicine code, upper-cased: letters, digits, dot, dash. */
export function codeField(value: string): string {
  const code = value.toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9._-]{0,19}$/.test(code)) {
    throw new FieldError(`code « ${value} » invalide : 1 à 20 lettres sans accent, chiffres, point, tiret`);
  }
  return code;
}

/** YYYY-MM-DD or DD/MM/YYYY, a real calendar day. */
export function dateField(column: string, value: string): string {
  if (value === '') throw new FieldError(`${column} manquante`);
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = fr ? `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` : value;
  if (!isIsoDate(iso)) fail(column, value, 'date AAAA-MM-JJ ou JJ/MM/AAAA attendue');
  return iso;
}

export const optionalDate = (column: string, value: string): string | null => (value === '' ? null : dateField(column, value));

/** Integer FCFA: "12500", "12 500" (spaces as thousands separators) or "12500,00". */
export function amountField(column: string, value: string): number {
  if (value === '') throw new FieldError(`${column} manquant`);
  const compact = value.replace(/[\s\u00a0\u202f]/g, '').replace(/[,.]0+$/, '');
  if (!/^\d{1,9}$/.test(compact)) fail(column, value, 'montant en francs CFA entiers attendu (ex. 1500)');
  return Number(compact);
}

export function optionalCount(column: string, value: string, max: number): number | null {
  if (value === '') return null;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) fail(column, value, `nombre entier de 1 à ${max} attendu`);
  return Number(value);
}

const YES = new Set(['1', 'oui', 'o', 'vrai', 'x']);
const NO = new Set(['0', 'non', 'n', 'faux']);

/** 1/0, oui/non; empty gives the documented default. */
export function flagField(column: string, value: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  const key = searchKey(value);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return fail(column, value, '1 (oui) ou 0 (non) attendu');
}

/** One of a list of codes, compared without accents or case ("Maternité" is `maternite`). */
export function choiceField<T extends string>(column: string, value: string, choices: readonly T[]): T {
  const key = searchKey(value).replace(/ /g, '_') as T;
  if (value === '') throw new FieldError(`${column} manquante`);
  if (!choices.includes(key)) fail(column, value, `valeurs possibles : ${choices.join(', ')}`);
  return key;
}

/**
 * Runs the parsers of one line and gathers every problem: the line is either fully parsed or
 * reported with all its errors at once.
 */
export function collect<T>(build: (take: <V>(parse: () => V) => V) => T): { value: T } | { errors: string[] } {
  const errors: string[] = [];
  const take = <V>(parse: () => V): V => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      errors.push(error.message);
      return undefined as V;
    }
  };
  const value = build(take);
  return errors.length > 0 ? { errors } : { value };
}
