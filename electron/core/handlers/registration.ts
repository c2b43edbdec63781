import type { registrationApi } from '../../../shared/api/registration';
import { listRegistrationRequests, recordRegistrationRequest, registrationRequestsFile } from '../reception/registration-requests';
import type { Handlers } from './types';

export const registrationHandlers: Handlers<typeof registrationApi> = {
  'registration.request': async (input, ctx) => {
    const result = await recordRegistrationRequest(ctx, {
      familyName: input.familyName,
      givenNames: input.givenNames,
      sex: input.sex,
      birthDate: input.birthDate ?? `${input.birthYear}-01-01`,
      birthYearOnly: input.birthDate === undefined,
      commune: input.commune,
      phone: input.phone,
      recepisse: input.recepisse ?? null,
    });
    ctx.audit.entityId = String(result.id);
    ctx.audit.detail = { recepisse: input.recepisse ?? null, registryReason: result.registryReason };
    return result;
  },
  'registration.list': async (input, ctx) => listRegistrationRequests(ctx, input),
  'registration.export': async (input, ctx) => registrationRequestsFile(await listRegistrationRequests(ctx, input), input),
};
