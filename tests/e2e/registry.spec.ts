import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registryCsv, writeRegistry } from '../support/registry-generator';
import { HOUSEHOLD } from '../support/registry-files';
import { expect, loginAs, test, screenshotPath } from './fixtures';

test('Administration › Registre: import with rejected lines, then the history', async ({ page, demoHost }) => {
  await loginAs(page, demoHost, 'admin');
  await page.getByRole('tab', { name: 'Registre' }).click();
  await expect(page.getByText('40 personne(s) dans le registre local.')).toBeVisible();
  const history = page.getByRole('table', { name: 'Historique des imports' });
  await expect(history.getByRole('row', { name: /registre-exemple-illustratif\.csv/ })).toContainText('Terminé');

  await page.getByRole('button', { name: 'Importer la mise à jour' }).click();
  await expect(page.getByText('Choisissez le fichier du registre envoyé par l’ANAM')).toBeVisible();

  const text = `${registryCsv(HOUSEHOLD)}1111234567899;Traoré;Awa;F;31/02/2015;enfant;1111234567890;;;;;;;;;;;\n12345;Diallo;Issa;M;1990;titulaire;;;;;2025-01-01;2027-12-31;;;;;;\n`;
  await page
    .getByLabel('Fichier du registre', { exact: true })
    .setInputFiles({ name: 'registre-2026-11.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Importer la mise à jour' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import terminé' })).toContainText(
    '5 nouvelle(s) personne(s), 0 modifiée(s), 0 inchangée(s), 0 radiée(s), 2 ligne(s) rejetée(s).',
  );
  const report = page.getByRole('table', { name: /Lignes rejetées de l’import n° 2/ });
  await expect(report.getByRole('row')).toHaveCount(3);
  await expect(report).toContainText('Date de naissance invalide « 31/02/2015 »');
  await expect(report).toContainText('Récépissé invalide « 12345 » : 13 chiffres attendus (5 saisis).');
  await expect(page.getByText('45 personne(s) dans le registre local.')).toBeVisible();
  await page.screenshot({ path: screenshotPath('registry-import.png'), fullPage: true });

  await history.getByRole('row', { name: /registre-exemple-illustratif\.csv/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Import n° 1 — registre-exemple-illustratif\.csv/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Lignes rejetées de l’import n° 1' })).toContainText('Aucune ligne rejetée.');
});

test('Administration › Registre: a long import shows its progress, can be cancelled, then continues', async ({ page, demoHost }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ramed-e2e-registry-'));
  try {
    const path = join(dir, 'registre-national.csv.gz');
    const { rows } = await writeRegistry(path, { persons: 60_000, seed: 11, firstSequence: 500_000 });
    await loginAs(page, demoHost, 'admin');
    await page.getByRole('tab', { name: 'Registre' }).click();
    await page.getByLabel('Fichier du registre', { exact: true }).setInputFiles(path);
    await page.getByRole('button', { name: 'Importer la mise à jour' }).click();
    const progress = page.getByRole('status').filter({ has: page.getByRole('progressbar') });
    await expect(progress).toContainText(/Import des lignes…[\d\s\u202f]+ sur [\d\s\u202f]+/);
    await expect(progress).toContainText('restantes');
    await page.screenshot({ path: screenshotPath('registry-import-progress.png') });
    await page.getByRole('button', { name: 'Annuler' }).click();
    // Stopped by the user: said plainly, not as a failure in red.
    await expect(page.getByRole('status').filter({ hasText: 'Import annulé après' })).toBeVisible();
    await expect(page.locator('.banner-error')).toHaveCount(0);

    await page.getByLabel('Fichier du registre', { exact: true }).setInputFiles(path);
    await page.getByRole('button', { name: 'Importer la mise à jour' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Import terminé' });
    await expect(done).toContainText('(repris là où il s’était arrêté)', { timeout: 60_000 });
    const history = page.getByRole('table', { name: 'Historique des imports' });
    await expect(history.getByRole('row', { name: /registre-national/ })).toContainText('Terminé');
    await expect(page.getByText(`${new Intl.NumberFormat('fr-FR').format(rows + 40)} personne(s)`)).toBeVisible();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('Administration › Registre: a dry run says what a full import would do; a mass strike-off waits for a confirmation', async ({
  page,
  demoHost,
}) => {
  await loginAs(page, demoHost, 'admin');
  await page.getByRole('tab', { name: 'Registre' }).click();
  await expect(page.getByText('40 personne(s) dans le registre local.')).toBeVisible();
  const text = `#RAMED;extraction=2026-11-20;sequence=1\n${registryCsv(HOUSEHOLD.slice(0, 1), ';', { trailer: true })}`;
  await page
    .getByLabel('Fichier du registre', { exact: true })
    .setInputFiles({ name: 'registre-tronque.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByLabel('Mode d’import').selectOption('full');
  await page.getByRole('button', { name: 'Essai à blanc (ne rien modifier)' }).click();
  const tried = page.getByRole('status').filter({ hasText: 'Essai à blanc' });
  await expect(tried).toContainText(
    'Essai à blanc, rien n’a été modifié. L’import ferait (mise à jour n° 1 du 20/11/2026) : 1 nouvelle(s)',
  );
  await expect(tried).toContainText(/\d+ radiée\(s\)/);

  await page.getByRole('button', { name: 'Importer le registre complet' }).click();
  await expect(page.getByRole('alert')).toContainText('Cet import complet radierait');
  const confirm = page.getByRole('group', { name: 'Confirmation demandée' });
  await expect(confirm).toBeVisible();
  await expect(page.getByText('40 personne(s) dans le registre local.')).toBeVisible();
  await page.screenshot({ path: screenshotPath('registry-strike-off-confirm.png'), fullPage: true });
  await confirm.getByRole('button', { name: 'Je confirme la radiation des absents et j’importe' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import terminé' })).toContainText('1 nouvelle(s) personne(s)');
  const history = page.getByRole('table', { name: 'Historique des imports' });
  await expect(history.getByRole('row', { name: /registre-tronque\.csv/ }).first()).toContainText('Terminé');
});
