import type { Page } from '@playwright/test';
import { auditRows } from './audit-rows';
import { expect, loginAs, test, screenshotPath } from './fixtures';

const section = (page: Page, title: string) => page.getByRole('form', { name: title });

test('the administrator edits the facility and the settings; a bad value is refused next to its field', async ({ page, demoHost }) => {
  await loginAs(page, demoHost, 'admin');
  await page.getByRole('tab', { name: 'Paramètres' }).click();

  // The facility's identity, saved and shown at once in the status bar.
  const facility = section(page, 'Établissement');
  await facility.getByLabel("Nom de l'établissement").fill('CSCOM de Banconi Plateau');
  await facility.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(facility.getByRole('status')).toHaveText('Enregistré.');
  await expect(page.getByRole('contentinfo', { name: 'État' })).toContainText('CSCOM de Banconi Plateau [DEMO01]');

  // A bad value: the French message sits under the field, and nothing is saved.
  const security = section(page, 'Sécurité des comptes');
  const minutes = security.getByLabel("Verrouillage de l'écran après inactivité (minutes)");
  await minutes.fill('0');
  await security.getByLabel('Échecs de connexion avant blocage du compte').fill('trois');
  await security.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await expect(minutes).toHaveAccessibleDescription('Au moins 1 minute');
  await expect(security.getByLabel('Échecs de connexion avant blocage du compte')).toHaveAccessibleDescription('Nombre entier attendu');
  await page.screenshot({ path: screenshotPath('settings.png') });
  expect(JSON.parse((await demoHost.cli('settings', 'get', 'lock.inactivityMinutes', '--json')).stdout)).toMatchObject({ value: 10 });

  await minutes.fill('15');
  await security.getByLabel('Échecs de connexion avant blocage du compte').fill('5');
  await security.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(security.getByRole('status')).toHaveText('Enregistré.');
  await expect(minutes).toHaveAccessibleDescription('Par défaut : 10');

  // A choice in plain French, and a secret that is never shown back.
  const desk = section(page, 'Accueil et références');
  await desk.getByLabel(/sans référence/).selectOption({ label: 'Refuser (sauf urgence)' });
  await desk.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(desk.getByRole('status')).toHaveText('Enregistré.');
  const anam = section(page, 'ANAM');
  await expect(anam.getByText('Non défini')).toBeVisible();
  await anam.getByRole('button', { name: 'Définir…' }).click();
  await anam.getByLabel("Jeton d'accès ANAM").fill('jeton-anam-tres-secret');
  await anam.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(anam.getByRole('status')).toHaveText('Enregistré.');
  await expect(anam.getByText('Défini', { exact: true })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('jeton-anam-tres-secret');
  await expect(anam.getByRole('button', { name: 'Remplacer…' })).toBeVisible();

  // The audit keeps each change, before and after, and never the secret.
  const rows = await auditRows(demoHost.db, 'settings.update');
  expect(rows.map((r) => JSON.parse(r.summary).detail.changed)).toEqual([
    { 'lock.inactivityMinutes': { from: 10, to: 15 } },
    { 'referral.rule': { from: 'warn', to: 'refuse' } },
    { 'anam.token': { from: '', to: '***' } },
  ]);
  expect(rows.map((r) => r.summary).join('\n')).not.toContain('jeton-anam-tres-secret');
  expect(JSON.parse((await demoHost.cli('settings', 'get', 'referral.rule', '--json')).stdout)).toMatchObject({ value: 'refuse' });
});
