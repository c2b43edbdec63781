import { readFileSync } from 'node:fs';
import type { AbuseReport } from '../../shared/domain/abuse';
import { formatRecepisse } from '../../shared/domain/registry';
import { expect, loginAs, test, screenshotPath } from './fixtures';

test('the manager opens the abuse control, a patient’s episodes, and downloads a table', async ({ page, demoHost }, info) => {
  test.setTimeout(120_000);
  const month = demoHost.month;
  const run = await demoHost.cli('controls', '--month', month, '--json');
  expect(run.code).toBe(0);
  const { report } = JSON.parse(run.stdout) as { report: AbuseReport };
  // The demo sees its few registry persons many times a month: the first patient row has several episodes.
  const top = report.patients[0]!;
  expect(top.visits).toBeGreaterThan(1);

  await loginAs(page, demoHost, 'gestionnaire');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Contrôle des abus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Contrôle des abus — / })).toBeVisible();
  const patients = page.getByRole('region', { name: 'Patients les plus vus' });
  const row = patients.getByRole('row').filter({ hasText: formatRecepisse(top.recepisse) });
  await expect(row).toContainText(top.name);
  await expect(row).toContainText(String(top.visits));
  await expect(page.getByRole('region', { name: 'Admissions sans pièce vérifiée, par agent' })).toContainText('Aminata Traoré');
  await page.screenshot({ path: screenshotPath('controle-abus.png') });

  const event = page.waitForEvent('download');
  await patients.getByRole('button', { name: 'Exporter en CSV' }).click();
  const file = await event;
  expect(file.suggestedFilename()).toBe(`controle-abus-${month}-patients.csv`);
  const path = info.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  const csv = readFileSync(path, 'utf8');
  expect(csv.split('\n')[0]).toBe('\uFEFFPatient;Récépissé;Épisodes;Hors norme');
  expect(csv).toContain(`${top.name};${formatRecepisse(top.recepisse)};${top.visits};`);

  // Enter on the row opens its episodes: the episodes list narrowed to them.
  await row.focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('region', { name: new RegExp(`^Patients les plus vus — ${top.name}`) });
  await expect(list).toBeVisible();
  await expect(list.getByText(`${top.visits} ligne(s)`)).toBeVisible();
  await expect(
    list
      .getByRole('table', { name: 'Épisodes' })
      .getByRole('row')
      .filter({ hasText: formatRecepisse(top.recepisse) })
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: screenshotPath('controle-abus-episodes.png') });
  await page.getByRole('button', { name: '← Retour au contrôle des abus' }).click();
  await expect(patients).toBeVisible();
});
