import type { Generated } from 'kysely';

/** Money the ANAM paid (integer FCFA), as the bank or the ANAM's notice says it. */
export interface PaymentTable {
  id: Generated<number>;
  paid_on: string;
  amount: number;
  reference: string;
  note: string | null;
  recorded_at: string;
  recorded_by: string;
}

/** A payment recorded by mistake: it and its allocations stop counting; both stay recorded. */
export interface PaymentCancellationTable {
  payment_id: number;
  at: string;
  by_login: string;
  reason: string;
}

/** Part of a payment set against one claim version. */
export interface PaymentAllocationTable {
  id: Generated<number>;
  payment_id: number;
  claim_id: number;
  amount: number;
  at: string;
  by_login: string;
}

export interface PaymentTables {
  payment: PaymentTable;
  payment_cancellation: PaymentCancellationTable;
  payment_allocation: PaymentAllocationTable;
}
