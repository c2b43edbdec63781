import { z } from 'zod';
import { defineMethod, returns } from '../contract/contract';
import { isoDate } from '../lib/dates';
import { offListReason, prescriber, reason } from './line-fields';
import type {
  BatchView,
  DispensedLine,
  DispenseResult,
  EpisodePharmacy,
  MovementView,
  StockAlert,
  StockItem,
  UnmetReportRow,
} from '../domain/pharmacy';
import type { GeneratedFile } from '../contract/files';
import type { Role } from '../domain/roles';

/** The pharmacist dispenses and keeps the stock; the manager reads stock and reports. */
const PHARMACY: readonly Role[] = ['pharmacie'];
const READERS: readonly Role[] = ['pharmacie', 'gestionnaire'];

const medicineCode = z.string({ message: 'Choisissez un médicament' }).trim().toUpperCase().min(1, 'Choisissez un médicament').max(20);
const units = (max: number) =>
  z.number({ message: 'Quantité attendue' }).int('Quantité entière attendue').min(1, 'Au moins 1').max(max, `Au plus ${max}`);
const batchId = z.number({ message: 'Choisissez un lot' }).int().positive();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Mois attendu au format AAAA-MM');

export const pharmacyApi = {
  /** Episodes for a typed or scanned récépissé or episode number. */
  'pharmacy.findEpisodes': defineMethod({
    input: () => z.strictObject({ reference: z.string().trim().min(3, 'Saisissez un récépissé ou un numéro d’épisode').max(40) }),
    output: returns<EpisodePharmacy['episode'][]>(),
    access: READERS,
    kind: 'query',
  }),
  'pharmacy.episode': defineMethod({
    input: () => z.strictObject({ episodeId: z.number().int().positive() }),
    output: returns<EpisodePharmacy>(),
    access: READERS,
    kind: 'query',
  }),
  'pharmacy.stockItems': defineMethod({
    input: () => z.strictObject({}),
    output: returns<StockItem[]>(),
    access: READERS,
    kind: 'query',
  }),
  /** Batches FEFO, or the one chosen with a reason; `serveAvailable` gives what is left and records the shortfall. */
  'pharmacy.dispense': defineMethod({
    input: () =>
      z
        .strictObject({
          episodeId: z.number({ message: 'Choisissez un épisode' }).int().positive(),
          medicineCode,
          quantity: units(9999),
          prescriber,
          batchId: batchId.optional(),
          overrideReason: reason.optional(),
          serveAvailable: z.boolean().optional(),
          /** Why a medicine off the essential list is given (setting `pharmacy.offListMedicines` = justifier). */
          offListReason,
        })
        .refine((v) => v.batchId === undefined || v.overrideReason !== undefined, {
          message: 'Indiquez pourquoi vous ne prenez pas le lot qui périme le premier',
          path: ['overrideReason'],
        })
        .refine((v) => v.batchId === undefined || !v.serveAvailable, {
          message: 'Un lot choisi se sert en entier ou pas du tout',
          path: ['batchId'],
        }),
    output: returns<DispenseResult>(),
    access: PHARMACY,
    kind: 'command',
    entity: 'dispensation',
  }),
  'pharmacy.cancel': defineMethod({
    input: () => z.strictObject({ lineId: z.number().int().positive(), reason }),
    output: returns<DispensedLine>(),
    access: PHARMACY,
    kind: 'command',
    entity: 'dispensation',
  }),
  'pharmacy.batches': defineMethod({
    input: () => z.strictObject({ withEmpty: z.boolean().default(false) }),
    output: returns<BatchView[]>(),
    access: READERS,
    kind: 'query',
  }),
  'pharmacy.movements': defineMethod({
    input: () => z.strictObject({ batchId: batchId.optional(), from: isoDate.optional(), to: isoDate.optional() }),
    output: returns<MovementView[]>(),
    access: READERS,
    kind: 'query',
  }),
  'pharmacy.receive': defineMethod({
    input: () =>
      z.strictObject({
        medicineCode,
        lot: z.string().trim().min(1, 'Indiquez le numéro de lot').max(40, 'Lot : 40 caractères au plus'),
        expiry: isoDate,
        quantity: units(1_000_000),
        unitCost: z.number({ message: 'Coût attendu' }).int('Coût en FCFA entiers').min(0, 'Coût positif ou nul').max(10_000_000),
        supplier: z.string().trim().min(2, 'Indiquez le fournisseur').max(120, 'Fournisseur : 120 caractères au plus'),
        receivedOn: isoDate,
      }),
    output: returns<BatchView>(),
    access: PHARMACY,
    kind: 'command',
    entity: 'stock_batch',
  }),
  /** A physical count: the ledger records the difference. */
  'pharmacy.count': defineMethod({
    input: () =>
      z.strictObject({
        batchId,
        counted: z
          .number({ message: 'Quantité comptée attendue' })
          .int('Quantité entière attendue')
          .min(0, 'Positive ou nulle')
          .max(1_000_000),
        reason: z.string().trim().max(300, 'Motif : 300 caractères au plus').optional(),
      }),
    output: returns<BatchView>(),
    access: PHARMACY,
    kind: 'command',
    entity: 'stock_batch',
  }),
  /** Units lost, broken or destroyed (negative), or found (positive), with the reason. */
  'pharmacy.adjust': defineMethod({
    input: () =>
      z.strictObject({
        batchId,
        quantity: z
          .number({ message: 'Quantité attendue' })
          .int('Quantité entière attendue')
          .min(-1_000_000)
          .max(1_000_000)
          .refine((q) => q !== 0, 'Quantité non nulle : négative pour une sortie, positive pour une entrée'),
        reason,
      }),
    output: returns<BatchView>(),
    access: PHARMACY,
    kind: 'command',
    entity: 'stock_batch',
  }),
  'pharmacy.setThreshold': defineMethod({
    input: () =>
      z.strictObject({
        medicineCode,
        threshold: z.number({ message: 'Seuil attendu' }).int('Seuil entier attendu').min(0, 'Seuil positif ou nul').max(1_000_000),
      }),
    output: returns<StockItem>(),
    access: PHARMACY,
    kind: 'command',
    entity: 'stock_threshold',
  }),
  'pharmacy.alerts': defineMethod({
    input: () => z.strictObject({}),
    output: returns<StockAlert[]>(),
    access: READERS,
    kind: 'query',
  }),
  'pharmacy.unmetReport': defineMethod({
    input: () => z.strictObject({ month }),
    output: returns<UnmetReportRow[]>(),
    access: READERS,
    kind: 'query',
  }),
  /** The printable A4 stock report (batches, alerts). */
  'pharmacy.stockReport': defineMethod({
    input: () => z.strictObject({}),
    output: returns<GeneratedFile>(),
    access: READERS,
    kind: 'query',
  }),
};
