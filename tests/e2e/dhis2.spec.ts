import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dhis2Preview } from '../../shared/domain/dhis2';
import { formatMonth } from '../../renderer/src/lib/format';
import { metadataFor, startDhis2StandIn } from '../support/dhis2-server';
import { expect, loginAs, monthBefore, test, screenshotPath } from './fixtures';

test('the manager tries, then sends the month’s figures to the district’s DHIS2 and reads its answer', async ({ page, demoHost }) => {
  test.setTimeout(120_000);
  // The month the demo claims, answers and pays: five months before the demo's own (the current one).
  const month = monthBefore(demoHost.month, 5);
  const file = join(mkdtempSync(join(tmpdir(), 'ramed-dhis2-')), 'mois.json');
  const cli = await demoHost.cli('stats', '--month', month, '--dhis2', file, '--json');
  expect(cli.code).toBe(0);
  const preview = (JSON.parse(cli.stdout) as { dhis2: Omit<Dhis2Preview, 'file'> }).dhis2;
  const dhis2 = await startDhis2StandIn({
    metadata: metadataFor({
      dataElements: [...new Set(preview.values.map((v) => v.dataElement))],
      categoryOptionCombos: preview.values.flatMap((v) => (v.categoryOptionCombo ? [v.categoryOptionCombo] : [])),
      orgUnits: [preview.orgUnit],
    }),
  });
  try {
    for (const [key, value] of [
      ['dhis2.url', dhis2.url],
      ['dhis2.username', dhis2.username],
      ['dhis2.password', dhis2.password],
    ])
      expect((await demoHost.cli('settings', 'set', key!, value!)).code).toBe(0);

    await loginAs(page, demoHost, 'gestionnaire');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Statistiques' }).click();
    // The month still running cannot be sent.
    await expect(page.getByRole('button', { name: 'Envoyer au DHIS2…' })).toBeDisabled();
    await page.getByLabel('Mois', { exact: true }).selectOption(month);
    await expect(page.getByRole('heading', { name: `Statistiques RAMED — ${formatMonth(month)}` })).toBeVisible();
    await page.screenshot({ path: screenshotPath('statistiques-dhis2-bouton.png') });
    await page.getByRole('button', { name: 'Envoyer au DHIS2…' }).click();

    const dialog = page.getByRole('dialog', { name: /Envoi au DHIS2/ });
    await expect(dialog.getByText(`${preview.values.length} valeur(s) envoyée(s)`)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Envoyer au DHIS2' })).toBeFocused();
    await expect(dialog.getByRole('table', { name: 'Envois au DHIS2' })).toContainText('Aucun envoi pour ce mois.');

    await dialog.getByRole('button', { name: 'Essai sans enregistrer' }).click();
    await expect(dialog.getByRole('status')).toContainText(
      `Essai : le DHIS2 a vérifié sans rien enregistrer. Le DHIS2 a tout accepté : ${preview.values.length} importée(s)`,
    );
    expect(dhis2.values.size).toBe(0);

    // The district has not created the data element of payments yet: DHIS2 takes the rest and says why.
    delete dhis2.metadata.dataElements['RAMED_MONTANT_PAYE'];
    await dialog.getByRole('button', { name: 'Envoyer au DHIS2', exact: true }).click();
    await expect(dialog.getByRole('status')).toContainText(`Le DHIS2 a accepté une partie : ${preview.values.length - 1} importée(s)`);
    const history = dialog.getByRole('table', { name: 'Envois au DHIS2' });
    await expect(history.locator('tbody tr')).toHaveCount(2);
    await expect(history.locator('tbody tr').first()).toContainText('Importé avec conflits (HTTP 409)');
    await expect(history.locator('tbody tr').first()).toContainText('RAMED_MONTANT_PAYE : Data element not found or not accessible');
    expect(dhis2.values.size).toBe(preview.values.length - 1);
    await page.screenshot({ path: screenshotPath('statistiques-dhis2.png') });

    // A wrong password: said in French, nothing added to the history.
    dhis2.password = 'autre';
    await dialog.getByRole('button', { name: 'Envoyer au DHIS2', exact: true }).click();
    await expect(dialog.getByRole('alert')).toContainText('Le DHIS2 a refusé l’utilisateur ou le mot de passe (HTTP 401)');
    await expect(history.locator('tbody tr')).toHaveCount(2);
    await page.screenshot({ path: screenshotPath('statistiques-dhis2-refus.png') });

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  } finally {
    await dhis2.close();
  }
});

test('the administrator sets the DHIS2 link up; a mapping that is not valid is refused under its box', async ({ page, demoHost }) => {
  test.setTimeout(120_000);
  await loginAs(page, demoHost, 'admin');
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  const form = page.getByRole('form', { name: 'DHIS2 (SNIS)' });
  await form.getByLabel('Adresse du serveur DHIS2 du SNIS (sans /api)').fill('https://snis.example.ml');
  await form.getByLabel('Utilisateur DHIS2').fill('cscom_banconi');
  await form.getByRole('button', { name: 'Définir…' }).click();
  await form.getByLabel('Mot de passe DHIS2').fill('District2026!');
  const mapping = form.getByLabel('Correspondance des indicateurs DHIS2 (JSON ; vide : celle par défaut)');
  await mapping.fill('{"values": {"patients.total": {"dataElement": "RAMED_PATIENTS"}}}');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(mapping).toHaveAttribute('aria-invalid', 'true');
  await expect(mapping).toHaveAccessibleDescription('Indicateur inconnu : « patients.total » (voir docs/dhis2.md)');
  await form.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('settings-dhis2.png') });
  expect(JSON.parse((await demoHost.cli('settings', 'get', 'dhis2.url', '--json')).stdout)).toMatchObject({ value: '' });

  await mapping.fill('');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(form.getByRole('status')).toHaveText('Enregistré.');
  expect(JSON.parse((await demoHost.cli('settings', 'get', 'dhis2.url', '--json')).stdout)).toMatchObject({
    value: 'https://snis.example.ml',
  });
  expect(JSON.parse((await demoHost.cli('settings', 'get', 'dhis2.password', '--json')).stdout)).toMatchObject({ value: '***' });
});
