import { startAnamListsServer } from '../support/anam-lists-server';
import { HOUSEHOLD } from '../support/registry-files';
import { registryCsv } from '../support/registry-generator';
import { expect, loginAs, test, screenshotPath } from './fixtures';

test('Administration › Registre: the ANAM’s lists downloaded on demand, applied, in the history and the status bar', async ({
  page,
  demoHost,
}) => {
  test.setTimeout(150_000);
  const server = await startAnamListsServer({ token: 'jeton-e2e' });
  try {
    for (const [key, value] of [
      ['anam.endpoint', server.url],
      ['anam.token', 'jeton-e2e'],
      ['anam.publicKey', server.publicKey],
    ]) {
      expect((await demoHost.cli('settings', 'set', key!, value!)).code).toBe(0);
    }
    server.publish('registry', 'registre-delta-000001.csv', registryCsv(HOUSEHOLD), { sequence: 1 });
    server.publish('medicines', 'medicaments-2026-12.csv', 'pas;un;fichier\n1;2;3');

    await loginAs(page, demoHost, 'admin');
    await page.getByRole('tab', { name: 'Registre' }).click();
    await expect(page.getByText('40 personne(s) dans le registre local.')).toBeVisible();
    const button = page.getByRole('button', { name: 'Télécharger maintenant' });
    await button.focus();
    await page.keyboard.press('Enter');
    const report = page.getByRole('status').filter({ hasText: 'Registre :' });
    await expect(report).toContainText('Registre : 1 fichier(s) appliqué(s) sur 1');
    await expect(report).toContainText('Tarifs : à jour');
    await expect(report).toContainText('Médicaments : 0 fichier(s) appliqué(s) sur 1 – medicaments-2026-12.csv : import refusé');
    await expect(page.getByText('45 personne(s) dans le registre local.')).toBeVisible();
    const pulled = page.getByRole('table', { name: 'Listes téléchargées' });
    await expect(pulled.getByRole('row', { name: /registre-delta-000001\.csv/ })).toContainText('Appliqué');
    await expect(pulled.getByRole('row', { name: /medicaments-2026-12\.csv/ })).toContainText('Refusé');
    await expect(
      page.getByRole('table', { name: 'Historique des imports' }).getByRole('row', { name: /registre-delta-000001\.csv/ }),
    ).toContainText('Terminé');
    await page.reload();
    await expect(page.getByLabel('État')).toContainText('Listes ANAM : refus, voir Administration › Registre');
    await page.getByRole('tab', { name: 'Registre' }).click();
    await expect(pulled.getByRole('row', { name: /registre-delta-000001\.csv/ })).toBeVisible();
    await page.screenshot({ path: screenshotPath('anam-pull.png'), fullPage: true });

    // The link's settings, in the ANAM section of Administration › Paramètres.
    await page.getByRole('tab', { name: 'Paramètres' }).click();
    const anam = page.getByRole('form', { name: 'ANAM' });
    await expect(anam.getByLabel("Forme de l'envoi des réclamations à l'ANAM")).toHaveValue('bundle');
    await expect(anam.getByLabel(/redemander la réponse de l'ANAM toutes les … minutes/)).toHaveValue('60');
    await expect(anam.getByLabel(/télécharger toutes les … heures/)).toHaveValue('24');
    await anam.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('anam-settings.png') });
  } finally {
    await server.close();
  }
});
