import { execFileSync } from 'node:child_process';
import { actingAs, atInstant } from '../../electron/core/service-context';
import { openCore } from '../../electron/core/app';
import { demoEpisodes } from '../../electron/core/demo/episodes';
import { closeEpisode } from '../../electron/core/episodes/lifecycle';
import { addLine } from '../../electron/core/episodes/lines';
import { silentLogger } from '../../electron/core/logger';
import { DEFAULT_PROGRAMMES, sampleFile } from '../../electron/core/reference/sample-files';
import { formatInteger } from '../../shared/lib/money';
import { frenchMonth } from '../../shared/lib/months';
import { openEpisode } from '../support/episodes';
import { insertPersons } from '../support/persons';
import { expect, loginAs, monthBefore, screenshotPath, test } from './fixtures';

test('the claims screen lists the month’s free-care programmes and gives each its statement', async ({ page, demoHost }, info) => {
  test.setTimeout(120_000);
  // A month of its own, two before the demo's, priced once the reviewed programmes list is imported.
  const month = monthBefore(demoHost.month, 2);
  const day = `${month}-10`;
  const year = Number(month.slice(0, 4));
  expect(await demoHost.cli('import-programmes', sampleFile(DEFAULT_PROGRAMMES).path)).toMatchObject({ code: 0 });

  const core = await openCore({ db: demoHost.db, log: silentLogger });
  try {
    const db = core.deps.handle.db;
    await demoEpisodes.run({ deps: core.deps, options: { month, episodes: 60 }, accounts: [], note: () => {} });
    // Two children, one 4 years old on the day of care (5 tomorrow), one 5 years old: only the first one's malaria test is free.
    const [younger, older] = await insertPersons(db, [
      {
        recepisse: '1119000000001',
        family_name: 'Sangaré',
        given_names: 'Adama',
        sex: 'M',
        birth_date: `${year - 5}-${month.slice(5)}-11`,
      },
      { recepisse: '1119000000002', family_name: 'Sangaré', given_names: 'Awa', birth_date: `${year - 5}-${month.slice(5)}-10` },
    ]);
    for (const personId of [younger!, older!]) {
      const { id } = await openEpisode(core, personId, `${day}T08:00:00.000Z`);
      const w = actingAs(core.deps, 'accueil', `${day}T09:00:00.000Z`);
      await addLine(w, { episodeId: id, code: 'LB-TDR', quantity: 1, performedOn: day, prescriber: 'Dr Sidibé' });
      await closeEpisode(atInstant(w, `${day}T16:00:00.000Z`), {
        episodeId: id,
        endedOn: day,
        diagnosis: 'Paludisme simple',
        icd10: 'B54',
        outcome: 'gueri',
      });
    }
  } finally {
    await core.close();
  }
  const totals = await demoHost.cli('programmes', 'statement', '--month', month, '--json');
  const byCli = JSON.parse(totals.stdout) as Array<{ code: string; name: string; total: number; episodes: number }>;
  const malaria = byCli.find((p) => p.code === 'PALU')!;
  expect(malaria.episodes).toBeGreaterThanOrEqual(1);

  await loginAs(page, demoHost, 'gestionnaire');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Réclamations' }).click();
  await page.getByRole('tab', { name: 'Programmes' }).click();
  await page
    .getByRole('tabpanel')
    .getByLabel('Mois (MM/AAAA)')
    .fill(`${month.slice(5)}/${month.slice(0, 4)}`);
  const table = page.getByRole('table', { name: `Programmes de gratuité, ${frenchMonth(month)}` });
  const row = table.getByRole('row').filter({ hasText: 'PALU' });
  await expect(row).toContainText('Paludisme : enfants de moins de 5 ans et femmes enceintes');
  await expect(row).toContainText(`${formatInteger(malaria.total)} FCFA`);
  await expect(table.getByRole('row')).toHaveCount(byCli.length + 2); // header and totals
  await page.screenshot({ path: screenshotPath('programmes.png') });

  const event = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Relevé PDF du programme PALU' }).click();
  const file = await event;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^releve-PALU-.+-${month}\\.pdf$`));
  const path = info.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const pdf = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  expect(pdf).toContain('Relevé mensuel');
  expect(pdf).toContain('SANGARÉ Adama');
  expect(pdf).not.toContain('SANGARÉ Awa');
  expect(pdf).toContain(`total ${formatInteger(malaria.total)} FCFA`);
});
