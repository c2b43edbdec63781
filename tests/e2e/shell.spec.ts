import { loginAs, test, expect, screenshotPath } from './fixtures';

test('first run: creates the facility and administrator, then shows the shell', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: /première mise en service/ })).toBeVisible();
  await page.getByLabel("Code de l'établissement").fill('CS-KATI');
  await page.getByLabel('Niveau').selectOption('csref');
  await page.getByLabel("Nom de l'établissement").fill('CSREF de Kati');
  await page.getByLabel('Commune').fill('Kati');
  await page.getByLabel('Identifiant').fill('awa');
  await page.getByLabel('Nom complet').fill('Awa Sangaré');
  await page.getByLabel('Mot de passe', { exact: true }).fill('court');
  await page.getByLabel('Confirmer le mot de passe').fill('court');
  await page.getByRole('button', { name: /Créer l'établissement/ }).click();
  await expect(page.getByText('au moins 8 caractères').first()).toBeVisible();

  await page.getByLabel('Mot de passe', { exact: true }).fill('un-long-mot-de-passe');
  await page.getByLabel('Confirmer le mot de passe').fill('un-long-mot-de-passe');
  await page.getByRole('button', { name: /Créer l'établissement/ }).click();

  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('button', { name: 'Administration' })).toBeVisible();
  await expect(page.getByRole('contentinfo', { name: 'État' })).toContainText('CSREF de Kati [CS-KATI]');
  await expect(page.getByRole('contentinfo', { name: 'État' })).toContainText('Awa Sangaré');

  await page.screenshot({ path: screenshotPath('shell-administration.png') });
  await page.getByRole('tab', { name: "Journal d'audit" }).click();
  await page.getByRole('button', { name: "Vérifier l'intégrité du journal" }).click();
  await expect(page.getByRole('status')).toContainText('Journal intact');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('form', { name: 'Connexion' })).toBeVisible();
  await page.getByLabel('Identifiant').fill('awa');
  await page.getByLabel('Mot de passe').fill('pas-le-bon');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toContainText('Identifiant ou mot de passe incorrect');
});

test('demo database in one click, then each role sees its own sections', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Ouvrir une base de démonstration' }).click();
  const accounts = page.getByRole('table', { name: 'Comptes de démonstration' });
  // Building the demo (registry, a month of episodes, claims, backups) takes seconds on a busy machine.
  await expect(accounts).toBeVisible({ timeout: 45_000 });
  const row = accounts.getByRole('row', { name: /^accueil / });
  const password = (await row.getByRole('cell').nth(1).textContent())!.trim();
  await page.getByRole('button', { name: 'Aller à la connexion' }).click();
  await page.getByLabel('Identifiant').fill('accueil');
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('button', { name: 'Accueil' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Administration' })).toHaveCount(0);
  await expect(nav.getByRole('button', { name: 'Réclamations' })).toHaveCount(0);
});

test('the administrator of a demo database can sign in', async ({ page, demoHost }) => {
  await loginAs(page, demoHost, 'admin');
  await expect(page.getByRole('heading', { name: 'Établissement' })).toBeVisible();
  await expect(page.getByText('CSCOM de Banconi (démonstration)').first()).toBeVisible();
});
