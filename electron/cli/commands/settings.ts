import { DATABASE_URL_KEY, readWorkstation, setWorkstationDatabase } from '../../core/workstation';
import { UsageError, type CliCommand } from '../command';

/** This workstation's `database.url`, shown like a facility setting (its value is a secret: it holds a password). */
function workstationSetting(file: string) {
  const value = readWorkstation(file)[DATABASE_URL_KEY] ?? '';
  return {
    key: DATABASE_URL_KEY,
    label: `Base PostgreSQL partagée de ce poste (vide : base locale SQLite) — ${file}`,
    value: value ? '••••••' : '',
    isDefault: value === '',
    secret: true,
  };
}

export const settingsGetCommand: CliCommand = {
  name: 'settings get',
  summary: 'affiche les paramètres (ou un seul)',
  usage: 'settings get [CLÉ]',
  positionals: { min: 0, max: 1 },
  async run(ctx, { positionals }) {
    const key = positionals[0];
    // The workstation's database is read from its file, without opening any database.
    if (key === DATABASE_URL_KEY) {
      const one = workstationSetting(ctx.workstationFile);
      return { json: one, text: `${one.key} = ${one.value ? 'défini' : '(vide : base locale)'}  (${ctx.workstationFile})` };
    }
    const all = [...(await ctx.call('settings.list', {})), workstationSetting(ctx.workstationFile)];
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
  summary: 'modifie un paramètre (validé et journalisé) ; database.url : la base partagée de ce poste',
  usage: 'settings set CLÉ VALEUR',
  positionals: { min: 2, max: 2 },
  async run(ctx, { positionals }) {
    const [key, value] = positionals as [string, string];
    if (key === DATABASE_URL_KEY) {
      setWorkstationDatabase(ctx.workstationFile, value);
      const text = value.trim()
        ? `${DATABASE_URL_KEY} défini dans ${ctx.workstationFile} : ce poste ouvrira la base partagée à son prochain démarrage.`
        : `${DATABASE_URL_KEY} retiré de ${ctx.workstationFile} : ce poste ouvrira sa base locale.`;
      return { json: workstationSetting(ctx.workstationFile), text };
    }
    const saved = await ctx.call('settings.set', { key, value });
    return { json: saved, text: `${saved.key} = ${JSON.stringify(saved.value)}` };
  },
};
