import { defineMethod, returns } from '../contract';
import { auditFilter, type AuditPage } from '../domain/audit';

export const auditApi = {
  /** The audit trail, newest first, filtered and paged by the server (it grows without end). */
  'audit.list': defineMethod({
    input: auditFilter,
    output: returns<AuditPage>(),
    access: ['admin'],
    kind: 'query',
  }),
};
