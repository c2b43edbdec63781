import { z } from 'zod';

export const FACILITY_LEVELS = ['cscom', 'csref', 'hopital'] as const;
export type FacilityLevel = (typeof FACILITY_LEVELS)[number];

export const FACILITY_LEVEL_LABELS: Record<FacilityLevel, string> = {
  cscom: 'CSCOM (centre de santé communautaire)',
  csref: 'CSREF (centre de santé de référence)',
  hopital: 'Hôpital (EPH)',
};

const text = (max: number) => z.string().trim().max(max);

export const facilityInput = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,20}$/, 'Code de 2 à 20 caractères : lettres, chiffres, tiret ou souligné'),
  name: text(120).min(2, 'Nom trop court'),
  level: z.enum(FACILITY_LEVELS, { message: 'Niveau attendu : cscom, csref ou hopital' }),
  region: text(80).optional(),
  cercle: text(80).optional(),
  commune: text(80).optional(),
});
export type FacilityInput = z.output<typeof facilityInput>;

export interface Facility {
  code: string;
  name: string;
  level: FacilityLevel;
  region: string | null;
  cercle: string | null;
  commune: string | null;
}
