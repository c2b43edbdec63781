import { personName } from '../../../shared/domain/registry';
import { isIsoDate } from '../../../shared/lib/dates';
import { UsageError, type CliCommand } from '../command';
import { writeGeneratedFile } from '../generated-file';

const day = (values: Record<string, string | boolean | undefined>, name: 'from' | 'to'): string => {
  const value = values[name];
  if (typeof value !== 'string' || !isIsoDate(value)) throw new UsageError(`Indiquez --${name} AAAA-MM-JJ.`);
  return value;
};

export const registrationRequestsCommand: CliCommand = {
  name: 'registration-requests',
  summary: 'demandes d’immatriculation reçues au guichet sur une période (liste, ou fichier CSV pour les services sociaux)',
  usage: 'registration-requests --from AAAA-MM-JJ --to AAAA-MM-JJ [--csv FICHIER]',
  options: { from: { type: 'string' }, to: { type: 'string' }, csv: { type: 'string' } },
  async run(ctx, { values }) {
    const period = { from: day(values, 'from'), to: day(values, 'to') };
    if (typeof values.csv === 'string') {
      const file = await ctx.call('registration.export', period);
      const { path, bytes } = writeGeneratedFile(file, values.csv);
      return { json: { path, fileName: file.fileName, size: bytes.length }, text: `Écrit : ${path} (${bytes.length} octets)` };
    }
    const requests = await ctx.call('registration.list', period);
    const lines = requests.map(
      (r) =>
        `${r.id}\t${r.requestedOn}\t${personName(r.familyName, r.givenNames)}\t${r.commune}\t${r.recepisse ?? '—'}` +
        r.episodes.map((e) => `\n  ${e.number} : ${e.regularisation}`).join(''),
    );
    return {
      json: requests,
      text: [`${requests.length} demande(s) d’immatriculation du ${period.from} au ${period.to}.`, ...lines].join('\n'),
    };
  },
};
