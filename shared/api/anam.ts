import { z } from 'zod';
import { defineMethod, jobId, returns } from '../contract';

export interface PullListReport {
  list: 'registry' | 'tariffs' | 'medicines';
  /** New files the index listed. */
  files: number;
  applied: number;
  /** Why the list stopped (French), or null. */
  error: string | null;
}

export interface PullReport {
  /** False when no ANAM address is set: nothing was asked. */
  configured: boolean;
  lists: PullListReport[];
}

/** One file pulled from the ANAM, as the history shows it. */
export interface PullView {
  id: number;
  list: 'registre' | 'tarifs' | 'medicaments';
  sequence: number | null;
  fileName: string;
  sha256: string;
  bytes: number;
  at: string;
  by: string;
  status: 'applique' | 'refuse';
  error: string | null;
}

export const PULL_TARGETS = ['registry', 'tariffs', 'medicines', 'all'] as const;

export const anamApi = {
  /** Fetches now the lists the ANAM publishes (registry deltas, tariffs, medicines) and applies them. */
  'anam.pull': defineMethod({
    input: z.strictObject({
      list: z.enum(PULL_TARGETS, { message: 'Liste attendue : registry, tariffs, medicines ou all' }).default('all'),
      jobId,
    }),
    output: returns<PullReport>(),
    access: ['admin'],
    kind: 'command',
    entity: 'anam_pull',
    ownTransactions: true,
  }),
  /** The files pulled from the ANAM, newest first. */
  'anam.pulls': defineMethod({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    output: returns<PullView[]>(),
    access: ['admin', 'gestionnaire'],
    kind: 'query',
  }),
};
