import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import { isoDate } from '../lib/dates';
import type { RegistrationRequest } from '../domain/reception';
import type { GeneratedFile } from '../contract/files';
import { recepisseInput } from './registry';

const text = (max: number, what: string) =>
  z
    .string({ message: `${what} attendu` })
    .trim()
    .min(1, `${what} : obligatoire`)
    .max(max, `${what} : ${max} caractères au plus`);

/** A period of requests; both days included. */
const period = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((v) => v.from <= v.to, { message: 'La date de fin précède la date de début', path: ['to'] });

export const registrationApi = {
  /**
   * Records a person the registry does not cover today (absent, or rights ended) as a request for
   * registration, for the social services. The birth is a date, or a year alone.
   */
  'registration.request': defineMethod({
    input: () =>
      z
        .strictObject({
          familyName: text(80, 'Nom'),
          givenNames: text(120, 'Prénoms'),
          sex: z.enum(['F', 'M'], { message: 'Sexe attendu : F ou M' }),
          birthDate: isoDate.optional(),
          birthYear: z
            .number({ message: 'Année de naissance attendue' })
            .int('Année entière attendue')
            .min(1900, 'Année de 1900 au moins')
            .max(2100, 'Année de 2100 au plus')
            .optional(),
          commune: text(80, 'Commune'),
          phone: z
            .string()
            .trim()
            .max(30, 'Téléphone : 30 caractères au plus')
            .regex(/^[0-9+ .-]*$/, 'Téléphone : chiffres, espaces et + seulement')
            .optional()
            .transform((v) => (v ? v : null)),
          recepisse: recepisseInput.optional(),
        })
        .refine((v) => (v.birthDate === undefined) !== (v.birthYear === undefined), {
          message: 'Indiquez la date de naissance, ou l’année seule',
          path: ['birthDate'],
        }),
    output: returns<{ id: number; registryReason: string | null }>(),
    access: ['accueil'],
    kind: 'command',
    entity: 'registration_request',
  }),
  /** The requests recorded in a period, with their emergency episodes and where their regularisation stands. */
  'registration.list': defineMethod({
    input: () => period,
    output: returns<RegistrationRequest[]>(),
    access: ['accueil', 'gestionnaire'],
    kind: 'query',
  }),
  /** The same requests as a CSV file for the social services (`;`, UTF-8 with BOM, dates JJ/MM/AAAA). */
  'registration.export': defineMethod({
    input: () => period,
    output: returns<GeneratedFile>(),
    access: ['gestionnaire'],
    kind: 'query',
  }),
};
