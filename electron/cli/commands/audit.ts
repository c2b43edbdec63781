import { parse } from 'csv-parse/sync';
import { writeGeneratedFile } from '../generated-file';
import { UsageError, type CliCommand } from '../command';

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

const text = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

export const auditExportCommand: CliCommand = {
  name: 'audit export',
  summary: 'exporte le journal d’audit en CSV (lignes filtrées, de la plus ancienne à la plus récente, avec leurs empreintes)',
  usage: 'audit export --out FICHIER.csv [--from AAAA-MM-JJ] [--to AAAA-MM-JJ] [--login L] [--method M] [--entity E]',
  options: {
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    login: { type: 'string' },
    method: { type: 'string' },
    entity: { type: 'string' },
  },
  async run(ctx, { values }) {
    if (typeof values.out !== 'string') throw new UsageError('Indiquez le fichier à écrire : --out FICHIER.csv.');
    const file = await ctx.call('audit.export', {
      from: text(values.from),
      to: text(values.to),
      login: text(values.login),
      method: text(values.method),
      entity: text(values.entity),
    });
    const { path, bytes } = writeGeneratedFile(file, values.out);
    // Details may hold line breaks inside quotes: count records, not lines.
    const rows = (parse(bytes, { bom: true, delimiter: ';' }) as unknown[]).length - 1;
    return { json: { path, rows }, text: `Écrit : ${path} (${rows} opération(s))` };
  },
};
