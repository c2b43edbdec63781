import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import { isoDate } from '../lib/dates';
import type { PaymentView } from '../domain/payments';
import { isoMonth } from '../lib/months';
import type { Role } from '../domain/roles';

const MANAGER: readonly Role[] = ['gestionnaire'];
const paymentId = z.number({ message: 'Paiement attendu' }).int().positive();
const amount = z
  .number({ message: 'Montant attendu' })
  .int('Montant en FCFA entiers (sans virgule)')
  .positive('Montant supérieur à 0 attendu')
  .max(1_000_000_000_000, 'Montant trop élevé');

/** Part of a payment set against a claim version, named as the manager reads it (month and version). */
const allocation = z.strictObject({
  month: isoMonth,
  version: z.number({ message: 'Version attendue' }).int().positive().max(9999),
  amount,
});
const allocations = z.array(allocation).max(200, '200 réclamations au plus par répartition');

export const paymentsApi = {
  'payments.list': defineMethod({
    input: () => z.strictObject({}),
    output: returns<PaymentView[]>(),
    access: MANAGER,
    kind: 'query',
  }),
  /** A payment of the ANAM, allocated at once (wholly, partly or not yet) to claim versions. */
  'payments.add': defineMethod({
    input: () =>
      z.strictObject({
        paidOn: isoDate,
        amount,
        reference: z
          .string()
          .trim()
          .min(2, 'Indiquez la référence (virement, chèque, avis de l’ANAM)')
          .max(60, 'Référence : 60 caractères au plus'),
        note: z.string().trim().max(300, 'Note : 300 caractères au plus').optional(),
        allocations: allocations.default([]),
      }),
    output: returns<PaymentView>(),
    access: MANAGER,
    kind: 'command',
    entity: 'payment',
  }),
  /** Allocates what is left of a payment. */
  'payments.allocate': defineMethod({
    input: () => z.strictObject({ paymentId, allocations: allocations.min(1, 'Indiquez au moins une réclamation') }),
    output: returns<PaymentView>(),
    access: MANAGER,
    kind: 'command',
    entity: 'payment',
  }),
  /** A payment recorded by mistake stops counting (it stays recorded, with the reason). */
  'payments.cancel': defineMethod({
    input: () =>
      z.strictObject({
        paymentId,
        reason: z.string().trim().min(3, 'Indiquez le motif (3 caractères au moins)').max(300, 'Motif : 300 caractères au plus'),
      }),
    output: returns<PaymentView>(),
    access: MANAGER,
    kind: 'command',
    entity: 'payment',
  }),
};
