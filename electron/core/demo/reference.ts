import type { ReferenceImportReport } from '../../../shared/domain/reference';
import { importReferenceFile, type ReferenceSpec } from '../reference/import';
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
      const importSample = async <C>(name: string, spec: ReferenceSpec<C>) =>
        ensureApplied(name, await importReferenceFile({ ...admin, db: trx }, { file: sampleFile(name), spec, signatureText: null }));
      await importSample(SAMPLE_TARIFFS, tariffFile);
      await importSample(SAMPLE_MEDICINES, medicineFile);
      await importSample(DEFAULT_CONTROLS, plausibilityFile);
      // The reviewed free-care programmes, as the administrator imports them (`ramed import-programmes`).
      await importSample(DEFAULT_PROGRAMMES, programmeFile);
    });
  },
};
