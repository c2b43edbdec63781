/**
 * The form of a name or label that searches compare: no accents, lower case, words separated by
 * one space ("Traoré  Aïssata" → "traore aissata"), so that typing without accents still finds.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
