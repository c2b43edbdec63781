/** Pharmacy: stock batches, the stock ledger, dispensed lines, unmet demand and alerts. */

export const MOVEMENT_KINDS = ['reception', 'inventaire', 'ajustement', 'dispensation', 'retour'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const MOVEMENT_LABELS: Record<MovementKind, string> = {
  reception: 'Réception',
  inventaire: 'Inventaire',
  ajustement: 'Ajustement',
  dispensation: 'Dispensation',
  retour: 'Retour (annulation)',
};

/** Days ahead within which a batch is flagged as expiring soon. */
export const EXPIRY_WARNING_DAYS = 90;

export interface BatchView {
  id: number;
  medicineCode: string;
  dci: string;
  form: string;
  strength: string;
  lot: string;
  expiry: string;
  unitCost: number;
  supplier: string;
  receivedOn: string;
  quantity: number;
  /** `perime` from its expiry day on, `bientot` within EXPIRY_WARNING_DAYS, else `ok`. */
  state: 'ok' | 'bientot' | 'perime';
}

export interface MovementView {
  id: number;
  batchId: number;
  medicineCode: string;
  dci: string;
  lot: string;
  kind: MovementKind;
  quantity: number;
  balance: number;
  reason: string | null;
  at: string;
  byLogin: string;
}

/** What the dispensing screen's medicine picker shows for each medicine of the list in force. */
export interface StockItem {
  medicineCode: string;
  dci: string;
  form: string;
  strength: string;
  unit: string;
  price: number;
  /** Units in batches that may be dispensed today. */
  usable: number;
  /** Units in expired batches, kept until written off. */
  expired: number;
  threshold: number | null;
  /** The batch FEFO would take first, if any. */
  nextBatch: { id: number; lot: string; expiry: string; quantity: number } | null;
  /**
   * Off the national essential list: what the facility does with it for a RAMED patient
   * (setting `pharmacy.offListMedicines`); null for a medicine on the list.
   */
  offList: OffListRule | null;
}

/** `refuser`: never dispensed to a RAMED patient; `justifier`: dispensed with a recorded reason. */
export const OFF_LIST_RULES = ['refuser', 'justifier'] as const;
export type OffListRule = (typeof OFF_LIST_RULES)[number];

export interface DispensedLine {
  id: number;
  /** The free-care programme that pays it (decided when dispensed), or null for the RAMED. */
  programme?: string | null;
  episodeId: number;
  medicineCode: string;
  dci: string;
  form: string;
  strength: string;
  quantity: number;
  unitPrice: number;
  amount: number;
  dispensedAt: string;
  dispensedBy: string;
  prescriber: string;
  batchId: number;
  lot: string;
  overrideReason: string | null;
  /** Why a medicine off the essential list was given (null otherwise). */
  offListReason: string | null;
  /** `annulee` once a later line cancels it; `annulation` for the cancelling line. */
  state: 'active' | 'annulee' | 'annulation';
  cancelsId: number | null;
  cancelReason: string | null;
}

export interface UnmetView {
  id: number;
  episodeId: number;
  medicineCode: string;
  dci: string;
  requested: number;
  unmet: number;
  prescriber: string;
  recordedAt: string;
  recordedBy: string;
}

export interface DispenseResult {
  lines: DispensedLine[];
  /** The shortfall recorded when the request was served in part (or not at all). */
  unmet: UnmetView | null;
}

export interface EpisodePharmacy {
  episode: {
    id: number;
    number: string;
    recepisse: string;
    patient: string;
    status: 'ouvert' | 'clos';
    openedAt: string;
    closedAt: string | null;
    /** Open, or closed today: medicines may still be given. */
    dispensable: boolean;
  };
  lines: DispensedLine[];
  unmet: UnmetView[];
}

export interface StockAlert {
  kind: 'sous_seuil' | 'bientot_perime' | 'perime';
  medicineCode: string;
  dci: string;
  /** Usable units for `sous_seuil`, units of the batch otherwise. */
  quantity: number;
  threshold: number | null;
  lot: string | null;
  expiry: string | null;
}

export interface UnmetReportRow {
  month: string;
  medicineCode: string;
  dci: string;
  form: string;
  strength: string;
  requests: number;
  unmetUnits: number;
  daysOutOfStock: number;
  daysInPeriod: number;
}
