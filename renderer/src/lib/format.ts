/** Numbers and dates the French way: 12 500 FCFA, 15/11/2026. */
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

export const formatNumber = (n: number): string => integer.format(n);
export const formatFcfa = (n: number): string => `${integer.format(n)} FCFA`;

/** YYYY-MM-DD (or a full ISO timestamp) → DD/MM/YYYY. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return d && m && y ? `${d}/${m}/${y}` : iso;
}

/** A birth date as known: « vers 1968 » when only the year is, never an invented 1 January. */
export function formatBirth(birthDate: string, yearOnly: boolean): string {
  return yearOnly ? `vers ${birthDate.slice(0, 4)}` : formatDate(birthDate);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  return `${formatDate(iso)} ${iso.slice(11, 16)}`;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
/** 2026-11 → novembre 2026 */
export function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${MONTHS[Number(m) - 1] ?? m} ${y}`;
}
