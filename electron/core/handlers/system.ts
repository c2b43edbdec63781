import type { systemApi } from '../../../shared/api/system';
import { openSession } from '../auth/sessions';
import { runDemo } from '../demo/demo';
import { saveFacility } from '../facility/facility';
import { assertEmptyForDemo, setUpFacility, systemInfo } from '../facility/setup';
import type { Handlers } from './types';

export const systemHandlers: Handlers<typeof systemApi> = {
  'system.info': async (_input, ctx) => systemInfo(ctx),
  'setup.create': async (input, ctx) => {
    const { facility, admin } = await setUpFacility(ctx, input);
    ctx.audit.entityId = facility.code;
    return openSession(ctx.slot, admin, ctx.clock);
  },
  'setup.demo': async (input, ctx) => {
    await assertEmptyForDemo(ctx);
    return runDemo(ctx.deps, { ...input, progress: ctx.progress, signal: ctx.signal });
  },
  'jobs.cancel': async (input, ctx) => ({ cancelled: ctx.jobs.cancel(input.jobId) }),
  'facility.update': async (input, ctx) => {
    const facility = await saveFacility(ctx, input);
    ctx.audit.entityId = facility.code;
    return facility;
  },
};
