import { z } from 'zod';

/** Fields an act line and a dispensed medicine both carry, with the same French messages. */

/** The reason given for a correction or an exception: a cancelled line, a batch not taken first, a stock adjustment. */
export const reason = z.string().trim().min(3, 'Indiquez le motif (3 caractères au moins)').max(300, 'Motif : 300 caractères au plus');

/** Who prescribed the act or the medicine. */
export const prescriber = z.string().trim().min(2, 'Indiquez le prescripteur').max(120, 'Prescripteur : 120 caractères au plus');

/** Why an act or a medicine off the essential list is given (settings `pharmacy.offListMedicines`, acts off the list). */
export const offListReason = z
  .string()
  .trim()
  .min(3, 'Justification : 3 caractères au moins')
  .max(300, 'Justification : 300 caractères au plus')
  .optional();
