import type { referenceApi } from '../../../shared/api/reference';
import { importReferenceFile } from '../reference/import';
import { medicineFile } from '../reference/medicine-file';
import { plausibilityFile, plausibilityRulesInForce } from '../reference/plausibility-file';
import { medicinesInForce } from '../reference/medicines';
import { tariffFile } from '../reference/tariff-file';
import { listTariffsInForce } from '../reference/tariffs';
import { referenceImports } from '../reference/import-history';
import { readSignature } from '../registry/private-copy';
import type { HandlerContext } from '../context';
import type { Handlers } from './types';
import type { ReferenceSpec } from '../reference/import';

/** Imports a list with its signature (given, or FILE.sig beside the file), and audits what it did. */
export async function importList<C>(input: { file: string; signature?: string }, ctx: HandlerContext, spec: ReferenceSpec<C>) {
  const file = ctx.deps.files.resolve(input.file);
  const signaturePath = input.signature ? ctx.deps.files.resolve(input.signature).path : `${file.path}.sig`;
  const signatureText = await readSignature(signaturePath);
  const report = await importReferenceFile(ctx, { file, spec, signatureText });
  ctx.audit.entityId = file.name;
  ctx.audit.detail = {
    applied: report.applied,
    inserted: report.inserted,
    closed: report.closed,
    rejected: report.rejected.length,
    signature: report.signature,
  };
  return report;
}

export const referenceHandlers: Handlers<typeof referenceApi> = {
  'tariffs.import': async (input, ctx) => importList(input, ctx, tariffFile),
  'tariffs.list': async (input, ctx) => listTariffsInForce(ctx, input),
  'medicines.import': async (input, ctx) => importList(input, ctx, medicineFile),
  'controls.import': async (input, ctx) => importList(input, ctx, plausibilityFile),
  'controls.list': async (input, ctx) => plausibilityRulesInForce(ctx, input),
  'reference.imports': async (input, ctx) => referenceImports(ctx, input),
  'medicines.list': async (input, ctx) => medicinesInForce(ctx, input),
};
