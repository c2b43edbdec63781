import type { registryApi } from '../../../shared/api/registry';
import { importRejections, registryOverview } from '../registry/import-history';
import { checkRecepisse, findByNina, householdOf, personHistory, searchByName } from '../registry/lookup';
import type { Handlers } from './types';
import { linkArrivedPersons } from '../reception/link-persons';

export const registryHandlers: Handlers<typeof registryApi> = {
  'registry.check': async (input, ctx) => checkRecepisse(ctx, input),
  'registry.search': async (input, ctx) => searchByName(ctx, input),
  'registry.byNina': async (input, ctx) => findByNina(ctx, input),
  'registry.household': async (input, ctx) => householdOf(ctx, input),
  'registry.history': async (input, ctx) => personHistory(ctx, input),
  'registry.import': async (input, ctx) => {
    const file = ctx.deps.files.resolve(input.file);
    const result = await ctx.deps.jobs.run(
      ctx.deps,
      'registry.import',
      {
        path: file.path,
        fileName: file.name,
        signaturePath: input.signature ? ctx.deps.files.resolve(input.signature).path : null,
        mode: input.mode,
        strict: input.strict,
        by: ctx.login,
        dryRun: input.dryRun,
        acceptGap: input.acceptGap,
        force: input.force,
      },
      { progress: ctx.progress, signal: ctx.signal },
    );
    // Emergencies admitted before the registry knew their récépissé now have their person.
    const linked = result.dryRun ? 0 : await linkArrivedPersons(ctx);
    ctx.audit.entityId = String(result.importId);
    ctx.audit.detail = {
      fileName: file.name,
      inserted: result.inserted,
      updated: result.updated,
      unchanged: result.unchanged,
      struckOff: result.struckOff,
      rejected: result.rejectedCount,
      signature: result.signature,
      resumed: result.resumed,
      dryRun: result.dryRun,
      sequence: result.sequence,
      ...(linked > 0 ? { linkedEpisodes: linked } : {}),
    };
    return result;
  },
  'registry.imports': async (input, ctx) => registryOverview(ctx, input),
  'registry.rejections': async (input, ctx) => importRejections(ctx, input),
};
