import { frenchNumberFormat } from './french-number';

const integer = frenchNumberFormat({ maximumFractionDigits: 0 });

/**
 * An integer FCFA amount the French way, with a plain space between thousands: `Intl` puts a
 * narrow no-break space there, which the PDF's standard fonts (WinAnsi) cannot draw.
 */
export const formatInteger = (n: number): string => integer.format(n).replace(/[\u202f\u00a0]/g, ' ');
export const formatAmount = (n: number): string => `${formatInteger(n)} FCFA`;
