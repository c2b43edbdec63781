import { z } from 'zod';
import { defineMethod, jobId, returns } from '../contract/contract';
import { type PullReport, type PullView } from '../domain/anam-lists';

export const PULL_TARGETS = ['registry', 'tariffs', 'medicines', 'all'] as const;

export const anamApi = {
  /** Fetches now the lists the ANAM publishes (registry deltas, tariffs, medicines) and applies them. */
  'anam.pull': defineMethod({
    input: () =>
      z.strictObject({
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
    input: () => z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    output: returns<PullView[]>(),
    access: ['admin', 'gestionnaire'],
    kind: 'query',
  }),
};
