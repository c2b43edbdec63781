import type { Facility } from './facility';

/** One line a programme pays, as its monthly statement lists it. */
export interface ProgrammeStatementLine {
  code: string;
  label: string;
  performedOn: string;
  quantity: number;
  unitPrice: number;
  amount: number;
}

export interface ProgrammeStatementEpisode {
  number: string;
  recepisse: string;
  patientName: string;
  sex: 'F' | 'M';
  birthDate: string;
  openedOn: string;
  endedOn: string;
  icd10: string | null;
  lines: ProgrammeStatementLine[];
  total: number;
}

/** A programme's monthly statement: the lines it pays on the episodes the month's RAMED claim takes. */
export interface ProgrammeStatement {
  month: string;
  facility: Facility;
  programme: { code: string; name: string; payer: string };
  episodes: ProgrammeStatementEpisode[];
  lines: number;
  /** Integer FCFA. */
  total: number;
}

/** A row of the claims screen's « Programmes » section. */
export interface ProgrammeMonthTotal {
  code: string;
  name: string;
  payer: string;
  episodes: number;
  lines: number;
  total: number;
}
