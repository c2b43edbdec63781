import type { registryApi } from '../../../shared/api/registry';
import { isoToday } from '../clock';
import { importRejections, registryOverview } from '../registry/import-history';
import { checkRecepisse, eligibilityContext, findByNina, householdOf, personHistory, searchByName } from '../registry/lookup';
import type { Handlers } from './types';
import { linkArrivedPersons } from '../reception/link-persons';

export const registryHandlers: Handlers<typeof registryApi> = {
  'registry.check': async (input, ctx) => checkRecepisse(ctx.db, input.recepisse, input.date ?? isoToday(ctx.clock)),
  'registry.search': async (input, ctx) =>
    searchByName(ctx.db, ctx.features, input.text, input.limit, await eligibilityContext(ctx.db, input.date ?? isoToday(ctx.clock))),
  'registry.byNina': async (input, ctx) =>
    findByNina(ctx.db, input.nina, await eligibilityContext(ctx.db, input.date ?? isoToday(ctx.clock))),
  'registry.household': async (input, ctx) =>
    householdOf(ctx.db, input.recepisse, await eligibilityContext(ctx.db, input.date ?? isoToday(ctx.clock))),
  'registry.history': async (input, ctx) => personHistory(ctx.db, input.recepisse),
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
  'registry.imports': async (input, ctx) => registryOverview(ctx.db, isoToday(ctx.clock), input.limit),
  'registry.rejections': async (input, ctx) => importRejections(ctx.db, input.importId, input.offset, input.limit),
};
