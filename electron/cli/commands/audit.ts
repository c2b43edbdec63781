import type { CliCommand } from '../command';

export const auditVerifyCommand: CliCommand = {
  name: 'audit verify',
  summary: 'vérifie la chaîne de hachage du journal d’audit',
  usage: 'audit verify',
  async run(ctx) {
    const result = await ctx.call('audit.verify', {});
    if (result.ok) return { json: result, text: `Journal d'audit intact : ${result.rows} ligne(s) vérifiée(s).` };
    return {
      json: result,
      text: `Journal d'audit ALTÉRÉ à la ligne n° ${result.brokenSeq} : ${result.reason}.`,
      exitCode: 1,
    };
  },
};
