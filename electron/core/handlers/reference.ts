import type { referenceApi } from '../../../shared/api/reference';
import { isoToday } from '../clock';
import { importReferenceFile } from '../reference/import';
import { medicineFile } from '../reference/medicine-file';
import { listPlausibilityRules, plausibilityFile } from '../reference/plausibility-file';
import { tariffInForce } from '../../../shared/domain/reference';
import { listMedicinesInForce } from '../reference/medicines';
import { tariffFile } from '../reference/tariff-file';
import { listTariffsInForce } from '../reference/tariffs';
import type { Handlers } from './types';

export const referenceHandlers: Handlers<typeof referenceApi> = {
  'tariffs.import': async (input, ctx) => {
    const file = ctx.deps.files.resolve(input.file);
    const report = await importReferenceFile(ctx.db, ctx.deps.clock, ctx.actor?.login ?? 'anonyme', file, tariffFile);
    ctx.audit.entityId = file.name;
    ctx.audit.detail = { applied: report.applied, inserted: report.inserted, closed: report.closed, rejected: report.rejected.length };
    return report;
  },
  'tariffs.list': async (input, ctx) => listTariffsInForce(ctx.db, input.date ?? isoToday(ctx.deps.clock), input.level),
  'medicines.import': async (input, ctx) => {
    const file = ctx.deps.files.resolve(input.file);
    const report = await importReferenceFile(ctx.db, ctx.deps.clock, ctx.actor?.login ?? 'anonyme', file, medicineFile);
    ctx.audit.entityId = file.name;
    ctx.audit.detail = { applied: report.applied, inserted: report.inserted, closed: report.closed, rejected: report.rejected.length };
    return report;
  },
  'controls.import': async (input, ctx) => {
    const file = ctx.deps.files.resolve(input.file);
    const report = await importReferenceFile(ctx.db, ctx.deps.clock, ctx.actor?.login ?? 'anonyme', file, plausibilityFile);
    ctx.audit.entityId = file.name;
    ctx.audit.detail = { applied: report.applied, inserted: report.inserted, closed: report.closed, rejected: report.rejected.length };
    return report;
  },
  'controls.list': async (input, ctx) => {
    const date = input.date ?? isoToday(ctx.deps.clock);
    return (await listPlausibilityRules(ctx.db)).filter((r) => tariffInForce(r, date)).map(({ id: _id, ...rule }) => rule);
  },
  'medicines.list': async (input, ctx) => listMedicinesInForce(ctx.db, input.date ?? isoToday(ctx.deps.clock)),
};
