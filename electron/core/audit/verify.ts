import type { ServiceContext } from '../context';
import { verifyAudit, type AuditVerification } from './audit-log';

/** The `audit.verify` service: this base's whole chain, against this workstation's audit key. */
export const verifyAuditChain = (ctx: ServiceContext): Promise<AuditVerification> => verifyAudit(ctx.db, ctx.deps.auditKey);
