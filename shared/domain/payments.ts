/** Payments of the ANAM, allocated to claim versions (integer FCFA). */

export interface PaymentAllocationView {
  id: number;
  claimId: number;
  month: string;
  version: number;
  amount: number;
  at: string;
  by: string;
}

export interface PaymentView {
  id: number;
  paidOn: string;
  amount: number;
  reference: string;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
  allocated: number;
  unallocated: number;
  cancelled: { at: string; by: string; reason: string } | null;
  allocations: PaymentAllocationView[];
}
