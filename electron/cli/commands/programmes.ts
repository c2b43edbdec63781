import { formatAmount } from '../../../shared/lib/money';
import { frenchMonth, isoMonth } from '../../../shared/lib/months';
import { describeConditions } from '../../../shared/rules/programmes';
import { isIsoDate } from '../../../shared/lib/dates';
import { UsageError, type CliCommand } from '../command';
import { writeGeneratedFile } from '../generated-file';
import { importList, SIGNATURE_OPTION } from './reference';

export const importProgrammesCommand: CliCommand = {
  name: 'import-programmes',
  summary: 'importe la liste des programmes de gratuité (CSV ; versions par date d’effet)',
  usage: 'import-programmes FICHIER.csv [--signature FICHIER.sig]',
  options: SIGNATURE_OPTION,
  positionals: { min: 1, max: 1 },
  run: (ctx, { values, positionals }) => importList(ctx, positionals[0]!, values.signature as string | undefined, 'programmes.import'),
};

export const programmesListCommand: CliCommand = {
  name: 'programmes list',
  summary: 'liste les programmes de gratuité en vigueur à une date (aujourd’hui par défaut), dans leur ordre',
  usage: 'programmes list [--date AAAA-MM-JJ]',
  options: { date: { type: 'string' } },
  async run(ctx, { values }) {
    if (values.date !== undefined && (typeof values.date !== 'string' || !isIsoDate(values.date))) {
      throw new UsageError('Date attendue : --date AAAA-MM-JJ (ex. --date 2026-11-15).');
    }
    const list = await ctx.call('programmes.list', values.date ? { date: values.date } : {});
    const text =
      list.length === 0
        ? 'Aucun programme en vigueur : seule la césarienne (CESAR) est hors RAMED. Importez la liste : ramed import-programmes FICHIER.csv'
        : list
            .map((p) => {
              const covers = [
                p.caesarean ? 'actes « césarienne »' : '',
                p.acts.length ? `actes ${p.acts.join(', ')}` : '',
                p.categories.length ? `catégories ${p.categories.join(', ')}` : '',
                p.medicines.length ? `médicaments ${p.medicines.join(', ')}` : '',
              ].filter(Boolean);
              const diagnosis = p.icd10.length ? ` ; diagnostic CIM-10 ${p.icd10.join(', ')}` : '';
              return `${p.order}. ${p.code} – ${p.name} (payeur : ${p.payer})\n   ${covers.join(' ; ')} ; ${describeConditions(p.patients)}${diagnosis}`;
            })
            .join('\n');
    return { json: list, text };
  },
};

export const programmesStatementCommand: CliCommand = {
  name: 'programmes statement',
  summary: 'relevé mensuel d’un programme de gratuité (PDF ou CSV) ; sans --programme, les totaux du mois',
  usage: 'programmes statement --month AAAA-MM [--programme CODE (--pdf FICHIER | --csv FICHIER)]',
  options: { month: { type: 'string' }, programme: { type: 'string' }, pdf: { type: 'string' }, csv: { type: 'string' } },
  async run(ctx, { values }) {
    const parsed = isoMonth.safeParse(values.month);
    if (!parsed.success) throw new UsageError('Indiquez le mois : --month AAAA-MM (ex. --month 2026-11).');
    const month = parsed.data;
    if (typeof values.programme !== 'string') {
      if (values.pdf !== undefined || values.csv !== undefined) throw new UsageError('Indiquez le programme : --programme CODE.');
      const totals = await ctx.call('programmes.month', { month });
      const text =
        totals.length === 0
          ? `Aucune ligne de programme sur les épisodes clos de ${frenchMonth(month)}.`
          : totals.map((t) => `${t.code} – ${t.name} : ${t.episodes} épisode(s), ${t.lines} ligne(s), ${formatAmount(t.total)}`).join('\n');
      return { json: totals, text };
    }
    const outputs = [values.pdf, values.csv].filter((v) => v !== undefined);
    if (outputs.length !== 1 || typeof outputs[0] !== 'string') {
      throw new UsageError('Indiquez un seul fichier à écrire : --pdf FICHIER ou --csv FICHIER.');
    }
    const format = values.pdf !== undefined ? 'pdf' : 'csv';
    const file = await ctx.call('programmes.statement', { month, programme: values.programme, format });
    const { path, bytes } = writeGeneratedFile(file, outputs[0]);
    return { json: { path, fileName: file.fileName, size: bytes.length }, text: `Écrit : ${path} (${bytes.length} octets)` };
  },
};
