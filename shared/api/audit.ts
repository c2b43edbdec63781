import { defineMethod, returns } from '../contract/contract';
import { auditExportFilter, auditFilter, type AuditPage } from '../domain/audit';
import type { GeneratedFile } from '../contract/files';

export const auditApi = {
  /** The audit trail, newest first, filtered and paged by the server (it grows without end). */
  'audit.list': defineMethod({
    input: () => auditFilter,
    output: returns<AuditPage>(),
    access: ['admin'],
    kind: 'query',
  }),
  /** Every row the filters match, oldest first, with its hashes, as a CSV (capped: narrow the period beyond). */
  'audit.export': defineMethod({
    input: () => auditExportFilter,
    output: returns<GeneratedFile>(),
    access: ['admin'],
    kind: 'query',
  }),
};
