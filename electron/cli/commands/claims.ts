import { CLAIM_EXPORT_FORMATS, type ClaimExportFormat } from '../../../shared/api/claims';
import { CLAIM_CHECK_LABELS, CLAIM_STATUS_LABELS, type ClaimSummary } from '../../../shared/domain/claims';
import { formatAmount } from '../../../shared/lib/money';
import { frenchMonth, isoMonth } from '../../../shared/lib/months';
import { writeGeneratedFile } from '../generated-file';
import { UsageError, type CliCommand, type CliContext } from '../command';

const monthOption = { month: { type: 'string' as const } };

function monthOf(values: Record<string, string | boolean | undefined>): string {
  const parsed = isoMonth.safeParse(values.month);
  if (!parsed.success) throw new UsageError('Indiquez le mois : --month AAAA-MM (ex. --month 2026-11).');
  return parsed.data;
}

const describe = (c: ClaimSummary) =>
  `Réclamation de ${frenchMonth(c.month)}, version ${c.version} (${CLAIM_STATUS_LABELS[c.status].toLowerCase()}) : ` +
  `${c.episodes} épisode(s), ${formatAmount(c.total)}` +
  (c.sha256 ? `\nSHA-256 : ${c.sha256}` : '');

async function validate(ctx: CliContext, month: string) {
  const view = await ctx.call('claims.get', { month });
  const lines = view.flags.map(
    (f) =>
      `  ${f.severity === 'bloquant' && !f.resolved ? 'BLOQUANT' : f.resolved ? 'exclu   ' : 'avert.  '} ${f.code} – ${CLAIM_CHECK_LABELS[f.code]} : ${f.message}`,
  );
  const text = [
    describe(view.summary),
    `${view.flags.length} signalement(s), dont ${view.blocking} bloquant(s) ; ${view.missing.length} épisode(s) encore ouvert(s) ; ` +
      `${view.checklist.lateClosures} clôture(s) tardive(s).`,
    ...(view.checklist.periodRefusal ? [`  ${view.checklist.periodRefusal}`] : []),
    ...lines,
  ].join('\n');
  return {
    json: {
      summary: view.summary,
      sha256: view.sha256,
      flags: view.flags,
      blocking: view.blocking,
      missing: view.missing,
      checklist: view.checklist,
    },
    text,
    exitCode: view.blocking > 0 ? (1 as const) : (0 as const),
  };
}

export const claimsBuildCommand: CliCommand = {
  name: 'claims build',
  summary: 'construit la réclamation du mois (épisodes clos, prix, contrôles)',
  usage: 'claims build --month AAAA-MM [--early-reason "motif"]',
  options: { ...monthOption, 'early-reason': { type: 'string' as const } },
  async run(ctx, { values }) {
    const early = values['early-reason'];
    const claim = await ctx.call('claims.build', {
      month: monthOf(values),
      ...(typeof early === 'string' ? { earlyReason: early } : {}),
    });
    const warning = claim.earlyReason
      ? `\nAttention : construite le dernier jour du mois (motif : ${claim.earlyReason}) ; un épisode clos plus tard ira dans la réclamation suivante.`
      : '';
    return { json: claim, text: describe(claim) + warning };
  },
};

export const claimsValidateCommand: CliCommand = {
  name: 'claims validate',
  summary: 'affiche les contrôles de la réclamation du mois (code 1 s’il reste un contrôle bloquant)',
  usage: 'claims validate --month AAAA-MM',
  options: monthOption,
  run: (ctx, { values }) => validate(ctx, monthOf(values)),
};

export const claimsSignCommand: CliCommand = {
  name: 'claims sign',
  summary: 'signe la réclamation du mois telle qu’elle est (figée, avec son SHA-256)',
  usage: 'claims sign --month AAAA-MM',
  options: monthOption,
  async run(ctx, { values }) {
    const month = monthOf(values);
    const view = await ctx.call('claims.get', { month });
    const claim = await ctx.call('claims.sign', { month, sha256: view.sha256 });
    return { json: claim, text: describe(claim) };
  },
};

export const claimsExportCommand: CliCommand = {
  name: 'claims export',
  summary: 'exporte la réclamation signée : bordereau PDF, FHIR R4 (JSON) ou CSV',
  usage: 'claims export --month AAAA-MM --format fhir|csv|pdf --out FICHIER',
  options: { ...monthOption, format: { type: 'string' }, out: { type: 'string' } },
  async run(ctx, { values }) {
    const month = monthOf(values);
    const format = values.format;
    if (typeof format !== 'string' || !(CLAIM_EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError('Indiquez le format : --format fhir, csv ou pdf.');
    }
    if (typeof values.out !== 'string') throw new UsageError('Indiquez le fichier à écrire : --out FICHIER.');
    const file = await ctx.call('claims.export', { month, format: format as ClaimExportFormat });
    const { path, bytes } = writeGeneratedFile(file, values.out);
    return { json: { path, fileName: file.fileName, size: bytes.length }, text: `Écrit : ${path} (${bytes.length} octets)` };
  },
};
