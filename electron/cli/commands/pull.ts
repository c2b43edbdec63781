import { PULL_TARGETS } from '../../../shared/api/anam';
import { type PullReport } from '../../../shared/domain/anam-lists';
import { UsageError, type CliCommand } from '../command';

const LIST_LABELS = { registry: 'Registre', tariffs: 'Tarifs', medicines: 'Médicaments' } as const;

function describe(report: PullReport): string {
  if (!report.configured) return 'Adresse de l’ANAM non réglée : ramed settings set anam.endpoint https://… (et anam.token).';
  return report.lists
    .map(
      (l) =>
        `${LIST_LABELS[l.list]} : ${l.files === 0 && !l.error ? 'à jour' : `${l.applied} fichier(s) appliqué(s) sur ${l.files}`}${l.error ? ` – ${l.error}` : ''}`,
    )
    .join('\n');
}

export const pullCommand: CliCommand = {
  name: 'pull',
  summary: 'télécharge de l’ANAM et applique les mises à jour du registre, la liste des tarifs et celle des médicaments',
  usage: 'pull [registry|tariffs|medicines|all]',
  positionals: { min: 0, max: 1 },
  async run(ctx, { positionals }) {
    const list = positionals[0] ?? 'all';
    if (!(PULL_TARGETS as readonly string[]).includes(list))
      throw new UsageError(`Liste inconnue : ${list}. Listes : ${PULL_TARGETS.join(', ')}.`);
    const report = await ctx.call('anam.pull', { list: list as (typeof PULL_TARGETS)[number] });
    const failed = !report.configured || report.lists.some((l) => l.error !== null);
    return { json: report, text: describe(report), exitCode: failed ? 1 : 0 };
  },
};
