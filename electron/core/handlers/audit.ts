import type { auditApi } from '../../../shared/api/audit';
import { exportAudit, listAudit } from '../audit/audit-query';
import type { Handlers } from './types';

export const auditHandlers: Handlers<typeof auditApi> = {
  'audit.list': async (input, ctx) => listAudit(ctx, input),
  'audit.export': async (input, ctx) => exportAudit(ctx, input),
};
