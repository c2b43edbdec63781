import type { Facility } from '../../../shared/domain/facility';
import { FACILITY_LEVEL_LABELS } from '../../../shared/domain/facility';
import { UsageError, type CliCommand } from '../command';

export const initCommand: CliCommand = {
  name: 'init',
  createsDatabase: true,
  summary: "crée ou met à jour la base et l'établissement",
  usage: 'init --facility-code CODE --facility-name "NOM" --level cscom|csref|hopital [--region R] [--cercle C] [--commune C]',
  options: {
    'facility-code': { type: 'string' },
    'facility-name': { type: 'string' },
    level: { type: 'string' },
    region: { type: 'string' },
    cercle: { type: 'string' },
    commune: { type: 'string' },
  },
  async run(ctx, { values }) {
    for (const required of ['facility-code', 'facility-name', 'level']) {
      if (typeof values[required] !== 'string') throw new UsageError(`Option obligatoire manquante : --${required}`);
    }
    const facility: Facility = await ctx.call('facility.update', {
      code: values['facility-code'] as string,
      name: values['facility-name'] as string,
      level: values.level as Facility['level'],
      region: values.region as string | undefined,
      cercle: values.cercle as string | undefined,
      commune: values.commune as string | undefined,
    });
    const info = await ctx.call('system.info', {});
    return {
      json: { database: info.database, schemaVersion: info.schemaVersion, facility },
      text: [
        `Base prête : ${info.database.label} (schéma ${info.schemaVersion})`,
        `Établissement : ${facility.name} [${facility.code}], ${FACILITY_LEVEL_LABELS[facility.level]}`,
      ].join('\n'),
    };
  },
};
