import { formatRecepisse } from '../../../../shared/domain/registry';

/** A récépissé as typed or scanned: digits, with the spaces, dots and dashes people put in them. */
export const looksLikeRecepisse = (text: string) => /^[\d\s.-]+$/.test(text.trim());

/** « 11O1… » or « 1101 0000 00l17 »: digits with a letter O, o, l or I among them is a mistyped récépissé, not a name. */
export function recepisseTypo(text: string): string | null {
  const compact = text.replace(/[\s.-]/g, '');
  if (compact.length < 8 || !/^[\dOoIl]+$/.test(compact) || /^\d+$/.test(compact)) return null;
  const digits = compact.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
  return `« ${text.trim()} » contient des lettres à la place de chiffres (O pour 0, l ou I pour 1) : vouliez-vous dire ${formatRecepisse(digits)} ? Corrigez puis Entrée.`;
}

/** Text searched as a name: two characters at least, neither a récépissé nor a mistyped one. */
export const isName = (typed: string) => typed.length >= 2 && !looksLikeRecepisse(typed) && !recepisseTypo(typed);
