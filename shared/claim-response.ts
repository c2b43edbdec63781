import { z } from 'zod';

/**
 * The ANAM's answer to one Claim (FHIR R4 `ClaimResponse`), as far as the facility uses it: the
 * outcome, and per item the adjudication (accepted amount `benefit`, or `denied` with a reason).
 * Parsed strictly: an answer that does not say which Claim it answers is not applied.
 */
const coding = z.object({ system: z.string().optional(), code: z.string().min(1), display: z.string().optional() });
const codeable = z.object({ coding: z.array(coding).min(1, 'Codage attendu'), text: z.string().optional() });
const amount = z.object({
  value: z.number({ message: 'Montant attendu' }).int('Montant en FCFA entiers attendu').nonnegative('Montant négatif'),
  currency: z.literal('XOF', { message: 'Devise attendue : XOF' }),
});

export const ADJUDICATION_CATEGORIES = ['submitted', 'benefit', 'denied'] as const;

const adjudication = z.object({
  category: z.object({ coding: z.array(coding.extend({ code: z.enum(ADJUDICATION_CATEGORIES) })).min(1) }),
  reason: codeable.optional(),
  amount: amount.optional(),
});

export const claimResponseSchema = z.object({
  resourceType: z.literal('ClaimResponse', { message: 'Ressource attendue : ClaimResponse' }),
  status: z.literal('active', { message: 'Statut attendu : active' }),
  outcome: z.enum(['complete', 'partial', 'error'], { message: 'Résultat attendu : complete, partial ou error' }),
  request: z.object({ identifier: z.object({ system: z.string(), value: z.string().min(1, 'Clé de la réclamation attendue') }) }),
  disposition: z.string().optional(),
  item: z
    .array(
      z.object({
        itemSequence: z.number().int().positive(),
        adjudication: z.array(adjudication).min(1, 'Décision attendue pour chaque ligne'),
      }),
    )
    .default([]),
});

export type ClaimResponseResource = z.infer<typeof claimResponseSchema>;
