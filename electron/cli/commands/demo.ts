import { ROLE_LABELS } from '../../../shared/domain/roles';
import { UsageError, type CliCommand } from '../command';

export const demoCommand: CliCommand = {
  name: 'demo',
  createsDatabase: true,
  summary: 'remplit une base vide avec des données de démonstration',
  usage: 'demo [--month AAAA-MM] [--episodes N]',
  options: { month: { type: 'string' }, episodes: { type: 'string' } },
  async run(ctx, { values }) {
    const month = values.month as string | undefined;
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
      throw new UsageError('--month attend un mois AAAA-MM, par exemple 2026-10');
    const episodes = values.episodes === undefined ? undefined : Number(values.episodes);
    if (episodes !== undefined && (!Number.isInteger(episodes) || episodes < 0 || episodes > 100000)) {
      throw new UsageError('--episodes attend un nombre entier entre 0 et 100000');
    }
    const { accounts } = await ctx.call('setup.demo', { ...(month ? { month } : {}), ...(episodes !== undefined ? { episodes } : {}) });
    const { database } = await ctx.call('system.info', {});
    return {
      json: { database: database.label, accounts },
      text: [
        `Base de démonstration prête : ${database.label}`,
        'Comptes (à changer avant tout usage réel) :',
        ...accounts.map((a) => `  ${a.login.padEnd(14)} ${a.password.padEnd(14)} ${a.roles.map((r) => ROLE_LABELS[r]).join(', ')}`),
      ].join('\n'),
    };
  },
};
