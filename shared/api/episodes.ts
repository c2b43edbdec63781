import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import { isoDate } from '../lib/dates';
import { offListReason, prescriber, reason } from './line-fields';
import { EPISODE_SORTS, EPISODE_STATUSES, EPISODE_TYPES, OUTCOMES, icd10, type EpisodeListRow, type EpisodeView } from '../domain/episodes';
import type { GeneratedFile } from '../contract/files';
import type { Role } from '../domain/roles';

/** Reception logs acts and completes episodes; the manager may too (claim corrections), and alone reopens. */
const READERS: readonly Role[] = ['accueil', 'pharmacie', 'gestionnaire'];
const WRITERS: readonly Role[] = ['accueil', 'gestionnaire'];

const episodeId = z.number({ message: 'Épisode attendu' }).int().positive();
const diagnosis = z.string().trim().min(2, 'Diagnostic trop court').max(500, 'Diagnostic : 500 caractères au plus');
const outcome = z.enum(OUTCOMES, { message: 'Choisissez l’issue de l’épisode' });

const episodeFilter = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: z.enum(EPISODE_STATUSES).optional(),
  type: z.enum(EPISODE_TYPES).optional(),
  /** A name (accents optional), a récépissé (whole or its first digits) or an episode number. */
  patient: z.string().trim().max(80, 'Recherche : 80 caractères au plus').optional(),
  /** Only these episodes (a row of the « Contrôle des abus »). */
  ids: z.array(episodeId).min(1, 'Au moins un épisode').max(500, 'Au plus 500 épisodes').optional(),
  sort: z.enum(EPISODE_SORTS).default('openedAt'),
  desc: z.boolean().default(true),
};

export const episodesApi = {
  'episodes.get': defineMethod({
    input: () => z.strictObject({ id: episodeId }),
    output: returns<EpisodeView>(),
    access: READERS,
    kind: 'query',
  }),
  /** Filtered, sorted and paged on the server: a hospital holds tens of thousands of episodes. */
  'episodes.list': defineMethod({
    input: () =>
      z.strictObject({
        ...episodeFilter,
        pageIndex: z.number().int().min(0).default(0),
        pageSize: z.number().int().min(1).max(200).default(25),
      }),
    /** `ramedTotal`: FCFA billed to the RAMED (acts and medicines in force) for all the episodes the filter selects. */
    output: returns<{ rows: EpisodeListRow[]; total: number; ramedTotal: number }>(),
    access: READERS,
    kind: 'query',
  }),
  /** Every episode the filter selects, as CSV (not just the page shown). */
  'episodes.export': defineMethod({
    input: () => z.strictObject(episodeFilter),
    output: returns<GeneratedFile>(),
    access: READERS,
    kind: 'query',
  }),
  'episodes.addLine': defineMethod({
    input: () =>
      z.strictObject({
        episodeId,
        code: z.string().trim().toUpperCase().min(1, 'Choisissez un acte').max(20),
        quantity: z.number({ message: 'Quantité attendue' }).int('Quantité entière attendue').min(1, 'Au moins 1').max(999, 'Au plus 999'),
        performedOn: isoDate,
        prescriber,
        /** A medicine the tariff list carries as an act, off the essential list: why it is billed (setting `pharmacy.offListMedicines`). */
        offListReason,
      }),
    output: returns<EpisodeView>(),
    access: WRITERS,
    kind: 'command',
    entity: 'episode',
  }),
  /** A correction: a new line cancels the old one; nothing is deleted or edited. */
  'episodes.cancelLine': defineMethod({
    input: () => z.strictObject({ episodeId, lineId: z.number().int().positive(), reason }),
    output: returns<EpisodeView>(),
    access: WRITERS,
    kind: 'command',
    entity: 'episode',
  }),
  'episodes.setDiagnosis': defineMethod({
    input: () =>
      z.strictObject({
        episodeId,
        diagnosis,
        icd10: z.union([z.literal(''), icd10]).optional(),
        outcome: outcome.optional(),
      }),
    output: returns<EpisodeView>(),
    access: WRITERS,
    kind: 'command',
    entity: 'episode',
  }),
  /** Closing freezes the episode for the monthly claim. */
  'episodes.close': defineMethod({
    input: () =>
      z.strictObject({
        episodeId,
        endedOn: isoDate,
        diagnosis,
        icd10: z.union([z.literal(''), icd10]).optional(),
        outcome,
      }),
    output: returns<EpisodeView>(),
    access: WRITERS,
    kind: 'command',
    entity: 'episode',
  }),
  'episodes.reopen': defineMethod({
    input: () => z.strictObject({ episodeId, reason }),
    output: returns<EpisodeView>(),
    access: ['gestionnaire'],
    kind: 'command',
    entity: 'episode',
  }),
};
