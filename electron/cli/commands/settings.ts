import { UsageError, type CliCommand } from '../command';

export const settingsGetCommand: CliCommand = {
  name: 'settings get',
  summary: 'affiche les paramètres (ou un seul)',
  usage: 'settings get [CLÉ]',
  positionals: { min: 0, max: 1 },
  async run(ctx, { positionals }) {
    const all = await ctx.call('settings.list', {});
    const key = positionals[0];
    if (key !== undefined) {
      const one = all.find((s) => s.key === key);
      if (!one) throw new UsageError(`Paramètre inconnu : « ${key} ». Paramètres possibles : ${all.map((s) => s.key).join(', ')}`);
      return { json: one, text: `${one.key} = ${JSON.stringify(one.value)}` };
    }
    return {
      json: all,
      text: all
        .map((s) => `${s.key.padEnd(26)} ${JSON.stringify(s.value)}${s.isDefault ? '  (défaut)' : ''}\n${' '.repeat(27)}${s.label}`)
        .join('\n'),
    };
  },
};

export const settingsSetCommand: CliCommand = {
  name: 'settings set',
  summary: 'modifie un paramètre (validé et journalisé)',
  usage: 'settings set CLÉ VALEUR',
  positionals: { min: 2, max: 2 },
  async run(ctx, { positionals }) {
    const [key, value] = positionals as [string, string];
    const saved = await ctx.call('settings.set', { key, value });
    return { json: saved, text: `${saved.key} = ${JSON.stringify(saved.value)}` };
  },
};
