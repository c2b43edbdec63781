import type { ReferenceImportReport } from '../../../shared/domain/reference';
import { importReferenceFile } from '../reference/import';
import { medicineFile } from '../reference/medicine-file';
import { plausibilityFile } from '../reference/plausibility-file';
import { programmeFile } from '../reference/programme-file';
import { DEFAULT_CONTROLS, DEFAULT_PROGRAMMES, SAMPLE_MEDICINES, SAMPLE_TARIFFS, sampleFile } from '../reference/sample-files';
import { tariffFile } from '../reference/tariff-file';
import { actingAs } from '../service-context';
import type { DemoPart } from './part';

function ensureApplied(name: string, report: ReferenceImportReport): void {
  if (!report.applied) throw new Error(`${name} : ${report.rejected.map((r) => `ligne ${r.line} : ${r.reason}`).join(' ; ')}`);
}

/** The illustrative tariff and medicines lists of resources/, imported as an administrator would. */
export const demoReference: DemoPart = {
  label: 'Tarifs et médicaments (exemples illustratifs), règles de contrôle, programmes de gratuité',
  async run(ctx) {
    const admin = actingAs(ctx.deps, 'admin');
    await admin.db.transaction().execute(async (trx) => {
      const inTrx = { ...admin, db: trx };
      ensureApplied(SAMPLE_TARIFFS, await importReferenceFile(inTrx, { file: sampleFile(SAMPLE_TARIFFS), spec: tariffFile, signatureText: null }));
      ensureApplied(SAMPLE_MEDICINES, await importReferenceFile(inTrx, { file: sampleFile(SAMPLE_MEDICINES), spec: medicineFile, signatureText: null }));
      ensureApplied(DEFAULT_CONTROLS, await importReferenceFile(inTrx, { file: sampleFile(DEFAULT_CONTROLS), spec: plausibilityFile, signatureText: null }));
      // The reviewed free-care programmes, as the administrator imports them (`ramed import-programmes`).
      ensureApplied(
        DEFAULT_PROGRAMMES,
        await importReferenceFile(inTrx, { file: sampleFile(DEFAULT_PROGRAMMES), spec: programmeFile, signatureText: null }),
      );
    });
  },
};
