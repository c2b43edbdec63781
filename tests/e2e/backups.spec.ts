import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, loginAs, test, type Host, screenshotPath } from './fixtures';

async function withBackupFolder(host: Host): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'ramed-e2e-cle-'));
  expect((await host.cli('settings', 'set', 'backup.folder', folder)).code).toBe(0);
  return folder;
}

test('back up now, check a backup, restore it, and sign in again on the restored base', async ({ page, demoHost }) => {
  const folder = await withBackupFolder(demoHost);
  try {
    await loginAs(page, demoHost, 'admin');
    await page.getByRole('tab', { name: 'Sauvegardes' }).click();
    await expect(page.getByText('Aucune sauvegarde dans ce dossier.')).toBeVisible();

    await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Sauvegarde faite et vérifiée' })).toContainText(
      /ramed-DEMO01-\d{8}-\d{6}\.db/,
    );
    const table = page.getByRole('table', { name: 'Sauvegardes', exact: true });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('Vérifiée');
    await table.getByRole('button', { name: /^Vérifier / }).click();
    await expect(table.getByRole('row').nth(1)).toContainText('Intacte (empreinte et intégrité vérifiées)');

    // Work after the backup, that the restore will take back.
    await page.getByRole('tab', { name: 'Paramètres' }).click();
    await page.getByLabel('Âge maximal du registre avant alerte (jours)').fill('90');
    await page.getByRole('form', { name: 'Registre des bénéficiaires' }).getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByRole('form', { name: 'Registre des bénéficiaires' }).getByRole('status')).toHaveText('Enregistré.');

    await page.getByRole('tab', { name: 'Sauvegardes' }).click();
    await expect(page.getByRole('table', { name: 'Historique des sauvegardes' })).toContainText('Réussie');
    await page.screenshot({ path: screenshotPath('backups.png') });
    await table.getByRole('button', { name: /^Restaurer / }).click();
    const confirm = page.getByRole('alertdialog');
    await expect(confirm).toContainText('La base actuelle est gardée à côté');
    await confirm.getByRole('button', { name: 'Confirmer la restauration' }).click();

    await expect(page.getByRole('form', { name: 'Connexion' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('La base a été restaurée depuis une sauvegarde : reconnectez-vous.');
    await loginAs(page, demoHost, 'admin');
    await page.getByRole('tab', { name: 'Paramètres' }).click();
    await expect(page.getByLabel('Âge maximal du registre avant alerte (jours)')).toHaveValue('45');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a truncated backup picked from a key is refused and nothing changes', async ({ page, demoHost }) => {
  const folder = await withBackupFolder(demoHost);
  try {
    const made = await demoHost.cli('backup', '--json');
    const { path } = JSON.parse(made.stdout) as { path: string };
    const bytes = readFileSync(path);
    await loginAs(page, demoHost, 'admin');
    await page.getByRole('tab', { name: 'Sauvegardes' }).click();
    await page.getByLabel('Fichiers de la sauvegarde').setInputFiles([
      { name: 'copie.db', mimeType: 'application/octet-stream', buffer: bytes.subarray(0, bytes.length / 2) },
      { name: 'copie.db.manifest.json', mimeType: 'application/json', buffer: readFileSync(`${path}.manifest.json`) },
    ]);
    await page.getByRole('button', { name: 'Restaurer…' }).last().click();
    await page.getByRole('button', { name: 'Confirmer la restauration' }).click();
    await expect(page.getByRole('alert')).toContainText('est incomplète');
    await page.getByRole('alertdialog').getByRole('button', { name: 'Annuler' }).click();
    await expect(page.getByRole('table', { name: 'Sauvegardes', exact: true }).getByRole('row')).toHaveCount(2);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('tables sort, filter and export to CSV', async ({ page, demoHost }) => {
  const folder = await withBackupFolder(demoHost);
  try {
    for (let i = 0; i < 3; i++) expect((await demoHost.cli('backup')).code).toBe(0);
    await loginAs(page, demoHost, 'admin');
    await page.getByRole('tab', { name: 'Sauvegardes' }).click();
    const table = page.getByRole('table', { name: 'Sauvegardes', exact: true });
    await expect(table.getByRole('row')).toHaveCount(4);
    const names = (
      await table
        .getByRole('cell')
        .filter({ hasText: /^ramed-/ })
        .allTextContents()
    ).sort();
    await page.getByRole('searchbox', { name: 'Filtrer : Sauvegardes' }).fill(names[0]!);
    await expect(table.getByRole('row')).toHaveCount(2);
    await page.getByRole('searchbox', { name: 'Filtrer : Sauvegardes' }).fill('');
    await table.getByRole('button', { name: 'Fichier' }).click();
    await expect(table.getByRole('row').nth(1)).toContainText(names[0]!);
    await table.getByRole('button', { name: 'Fichier' }).click();
    await expect(table.getByRole('row').nth(1)).toContainText(names[2]!);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporter en CSV' }).first().click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('sauvegardes.csv');
    const csv = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
    expect(csv.split('\n')[0]).toContain('Date;Fichier;Taille;Version;État');
    expect(csv.trim().split('\n')).toHaveLength(4);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
