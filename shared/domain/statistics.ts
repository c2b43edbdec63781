import type { ClaimCategory, ClaimStatus } from './claims';
import type { EpisodeType, IdentityDocument } from './episodes';
import type { Facility } from './facility';

/** The manager's dashboard: a calendar month or a calendar year of the facility's RAMED activity. */
export type StatisticsPeriod = { kind: 'month'; month: string } | { kind: 'year'; year: number };

export interface PatientCounts {
  /** Distinct RAMED patients with an episode opened in the period. */
  seen: number;
  /** Of them, those whose first episode ever at this facility was opened in the period. */
  new: number;
}

export interface MonthActivity {
  month: string;
  patients: PatientCounts;
  episodes: number;
  /** Episode lines in force performed in the month, billed to the RAMED (integer FCFA). */
  prestations: number;
  /** Pharmacy lines in force dispensed in the month (integer FCFA). */
  medicines: number;
}

/** The month's claim as it stands: its newest signed version, or its draft while none is signed. */
export interface ClaimMonth {
  month: string;
  version: number;
  status: ClaimStatus;
  /** The signed version's total; null while the month only has a draft. */
  claimed: number | null;
  signedAt: string | null;
}

/** What the ANAM answered for a month's signed claim, line by line (integer FCFA). */
export interface ClaimAnswerMonth {
  month: string;
  /** Billed amount of the lines the ANAM has answered. */
  answered: number;
  accepted: number;
  rejected: number;
}

export interface RejectionReason {
  code: string;
  label: string;
  lines: number;
  amount: number;
}

export interface ClaimAnswerFigures {
  months: ClaimAnswerMonth[];
  reasons: RejectionReason[];
}

export interface PaymentFigures {
  months: Array<{ month: string; paid: number }>;
  /** Days from sign-off to payment, averaged over the payments of the period. */
  averageDelayDays: number | null;
}

export interface StockOutFigures {
  medicineCode: string;
  dci: string;
  form: string;
  strength: string;
  requests: number;
  unmetUnits: number;
  daysOutOfStock: number;
  daysInPeriod: number;
}

/** The figures as the database gives them: codes, counts and integer FCFA, nothing shaped yet. */
export interface StatisticsFigures {
  period: StatisticsPeriod;
  /** The last day counted: the period's last day, or today while the period runs. */
  through: string;
  /** The day the figures were read: the period still runs while it is not past its last day. */
  today: string;
  facility: Facility | null;
  patients: PatientCounts;
  /** One entry per month of the period, in order. */
  months: MonthActivity[];
  episodeTypes: Array<{ type: EpisodeType; episodes: number; emergencies: number }>;
  prestations: Array<{ category: ClaimCategory; lines: number; quantity: number; amount: number; programme: number }>;
  /** One row per medicine and payer: `programme` null (or absent) for the RAMED. */
  medicines: Array<{
    medicineCode: string;
    dci: string;
    form: string;
    strength: string;
    lines: number;
    quantity: number;
    amount: number;
    programme?: string | null;
  }>;
  claims: ClaimMonth[];
  /** Null when the ANAM has answered no line of the period's claims. */
  answers: ClaimAnswerFigures | null;
  /** Null when no payment of the period's claims is recorded. */
  payments: PaymentFigures | null;
  stock: StockOutFigures[];
  /** The day stock-outs are counted from: the period's first day, or the first stock entry ever recorded if later. */
  stockFrom: string;
  /** Desk checks counted once per person and day (an agent who scans a card twice asked once). */
  checks: { checked: number; refused: number; admitted: number; reasons: Array<{ code: string; refusals: number }> };
  /** Admission decisions by the identity document shown. */
  identity: Array<{ document: IdentityDocument; checks: number; matched: number; mismatched: number }>;
  /** Episodes each desk agent opened, on « Récépissé seul » and on a document noted « Ne correspond pas ». */
  agents: AgentIdentityCounts[];
}

export interface AgentIdentityCounts {
  login: string;
  /** The account's full name, or the login when the account is gone. */
  name: string;
  admissions: number;
  receiptOnly: number;
  mismatches: number;
}

/** The dashboard as every reader shows it (screen, PDF, CLI): labels, sorted rows, rates. */
export interface StatisticsReport {
  period: StatisticsPeriod;
  /** `2026-10` or `2026`: what file names carry. */
  key: string;
  /** `octobre 2026` or `année 2026`. */
  label: string;
  first: string;
  last: string;
  through: string;
  /** The period is not over: figures count up to `through`. */
  running: boolean;
  facility: StatisticsFigures['facility'];
  patients: PatientCounts & { returning: number };
  months: Array<{
    month: string;
    label: string;
    seen: number;
    new: number;
    returning: number;
    episodes: number;
    prestations: number;
    medicines: number;
    claimed: number | null;
  }>;
  episodes: number;
  emergencies: number;
  episodeTypes: Array<{ type: EpisodeType; label: string; episodes: number; emergencies: number; share: number | null }>;
  /** `amount`: billed to the RAMED; `programme`: recorded for the free-care programmes, never RAMED money. */
  prestations: Array<{ category: ClaimCategory; label: string; lines: number; quantity: number; amount: number; programme: number }>;
  prestationsAmount: number;
  /** Recorded for the free-care programmes (caesarean, malaria…), never billed to the RAMED. */
  programmeAmount: number;
  /** `amount`: all dispensed; `ramed` and `programmes` (by code): who pays it. */
  medicines: Array<{
    medicineCode: string;
    dci: string;
    presentation: string;
    lines: number;
    quantity: number;
    amount: number;
    ramed: number;
    programmes: Record<string, number>;
  }>;
  /** The programmes that paid for medicines in the period, by code: one column each. */
  medicinePayers: string[];
  medicinesAmount: number;
  /** The RAMED's part of `medicinesAmount`. */
  medicinesRamedAmount: number;
  claims: {
    months: Array<{
      month: string;
      label: string;
      version: number;
      status: ClaimStatus;
      statusLabel: string;
      claimed: number | null;
      accepted: number | null;
      rejected: number | null;
      paid: number | null;
    }>;
    /** Sum of the signed claims of the period. */
    claimed: number;
    /** Null when no answer of the ANAM is recorded for the period. */
    answered: { amount: number; accepted: number; rejected: number; rejectionRate: number | null } | null;
    /** Most rejected amount first. */
    reasons: RejectionReason[];
    paid: number | null;
    averageDelayDays: number | null;
  };
  /** Longest stock-out first. */
  stock: Array<{
    medicineCode: string;
    dci: string;
    presentation: string;
    daysOutOfStock: number;
    daysInPeriod: number;
    requests: number;
    unmetUnits: number;
  }>;
  stockFrom: string;
  eligibility: {
    checked: number;
    refused: number;
    admitted: number;
    refusalRate: number | null;
    reasons: Array<{ code: string; label: string; refusals: number; share: number | null }>;
  };
  identity: Array<{ document: IdentityDocument; label: string; checks: number; matched: number; mismatched: number; notCompared: number }>;
  /** Most admissions without a checked identity (« Récépissé seul » or « Ne correspond pas ») first. */
  agents: AgentIdentityCounts[];
}
