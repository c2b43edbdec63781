import type { Generated } from 'kysely';
import type { MovementKind } from '../../../../shared/domain/pharmacy';

export interface StockBatchTable {
  id: Generated<number>;
  medicine_code: string;
  lot: string;
  /** The first day the batch may no longer be dispensed (see `isUsable`). */
  expiry: string;
  /** Integer FCFA per unit. */
  unit_cost: number;
  supplier: string;
  received_on: string;
  /** Cached sum of the batch's ledger entries, changed only with a new entry. */
  quantity: number;
  created_at: string;
  created_by: string;
}

/** One entry of the stock ledger: signed quantity and the batch's balance after it. */
export interface StockMovementTable {
  id: Generated<number>;
  batch_id: number;
  kind: MovementKind;
  quantity: number;
  balance: number;
  reason: string | null;
  dispensation_id: number | null;
  at: string;
  by_login: string;
}

/** A medicine line given on an episode; a cancellation is a new line with `cancels_id` and negated quantity and amount. */
export interface DispensationTable {
  id: Generated<number>;
  episode_id: number;
  medicine_id: number;
  medicine_code: string;
  dci: string;
  form: string;
  strength: string;
  quantity: number;
  unit_price: number;
  amount: number;
  dispensed_at: string;
  dispensed_by: string;
  prescriber: string;
  batch_id: number;
  override_reason: string | null;
  cancels_id: number | null;
  cancel_reason: string | null;
  /** The programme that pays the medicine, decided when dispensed (0024); null for the RAMED. */
  programme_code: string | null;
  /** Why a medicine off the essential list was given to a RAMED patient (0022; null otherwise). */
  off_list_reason: string | null;
}

export interface UnmetDemandTable {
  id: Generated<number>;
  episode_id: number;
  medicine_code: string;
  dci: string;
  requested: number;
  unmet: number;
  prescriber: string;
  recorded_at: string;
  recorded_by: string;
}

export interface StockThresholdTable {
  id: Generated<number>;
  medicine_code: string;
  threshold: number;
  set_at: string;
  set_by: string;
}

export interface PharmacyTables {
  stock_batch: StockBatchTable;
  stock_movement: StockMovementTable;
  dispensation: DispensationTable;
  unmet_demand: UnmetDemandTable;
  stock_threshold: StockThresholdTable;
}
