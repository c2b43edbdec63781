/**
 * Pure checks run before the pharmacy gives anything, so that a typing slip (1000 for 10) never
 * empties a shelf in one keystroke: an unusual quantity, or serving what is left, is asked again.
 */

/** More units than this for one patient in one line is asked again. */
export const UNUSUAL_UNITS = 100;
/** Taking this share of the usable stock or more for one patient is asked again (when the stock is not tiny). */
export const UNUSUAL_SHARE = 0.5;
/** Below this many usable units, a large share is ordinary (a box of 20 tablets is one course). */
export const SMALL_STOCK = 40;

/** « 1 gélule », « 725 gélules », « 2 flacons de 60 ml »: the unit's first word takes the plural. */
export function unitsOf(n: number, unit: string): string {
  const shown = new Intl.NumberFormat('fr-FR').format(n);
  if (Math.abs(n) < 2) return `${shown} ${unit}`;
  const [first = '', ...rest] = unit.split(' ');
  const plural = /[sxz]$/i.test(first) ? first : `${first}s`;
  return `${shown} ${[plural, ...rest].join(' ')}`;
}

export interface DispenseRequest {
  quantity: number;
  /** Units usable today for this medicine. */
  usable: number;
  unit: string;
  /** Serve what is usable and record the rest as unmet demand. */
  serveAvailable: boolean;
}

/** The question to ask before dispensing, or null when the request is ordinary. */
export function dispenseQuestion(r: DispenseRequest): string | null {
  if (!Number.isInteger(r.quantity) || r.quantity < 1) return null;
  if (r.serveAvailable && r.quantity > r.usable) {
    if (r.usable <= 0) return `Rien en stock : noter une demande non satisfaite de ${unitsOf(r.quantity, r.unit)} ?`;
    return (
      `Servir ${unitsOf(r.usable, r.unit)} (tout le stock utilisable) à ce patient et noter un manque de ` +
      `${unitsOf(r.quantity - r.usable, r.unit)} ? Vérifiez d’abord la quantité prescrite.`
    );
  }
  const served = Math.min(r.quantity, r.usable);
  if (r.quantity > UNUSUAL_UNITS) {
    return `${unitsOf(r.quantity, r.unit)} pour un seul patient : quantité inhabituelle. Est-ce bien la quantité prescrite ?`;
  }
  if (r.usable >= SMALL_STOCK && served >= r.usable * UNUSUAL_SHARE) {
    const share = Math.round((served / r.usable) * 100);
    return `${unitsOf(r.quantity, r.unit)}, soit ${share} % du stock utilisable, pour un seul patient. Est-ce bien la quantité prescrite ?`;
  }
  return null;
}
