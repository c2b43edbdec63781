import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { loginAs, monthBefore, test, expect, type Host, screenshotPath } from './fixtures';

/** A contract call made by the page itself, with its own session: what a tampered window could send. */
function callFromPage(page: Page, method: string, input: unknown): Promise<{ ok: boolean; error?: { code: string; message: string } }> {
  return page.evaluate(
    async ([method, input]) => {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-ramed-token': sessionStorage.getItem('ramed.token') ?? '',
          'x-ramed-client': sessionStorage.getItem('ramed.client') ?? '',
        },
        body: JSON.stringify({ method, input }),
      });
      return response.json();
    },
    [method, input] as const,
  );
}

const passwordOf = (host: Host, login: string) => host.accounts.find((a) => a.login === login)!.password;

test('the login screen', async ({ page, demoHost }) => {
  await page.goto(demoHost.url);
  await expect(page.getByRole('form', { name: 'Connexion' })).toBeVisible();
  await expect(page.getByText('CSCOM de Banconi (démonstration) [DEMO01]')).toBeVisible();
  await page.screenshot({ path: screenshotPath('login.png') });
});

test('reception cannot reach Réclamations, even by calling the contract; the manager can', async ({ page, demoHost }) => {
  await loginAs(page, demoHost, 'accueil');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('button', { name: 'Accueil' })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Réclamations' })).toHaveCount(0);
  await expect(nav.getByRole('button', { name: 'Administration' })).toHaveCount(0);
  // audit.verify is open to managers and administrators only: refused in main, whatever the window sends.
  const refused = await callFromPage(page, 'audit.verify', {});
  expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Gestionnaire') } });
  expect(await callFromPage(page, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await page.getByRole('button', { name: 'Se déconnecter' }).click();

  await loginAs(page, demoHost, 'gestionnaire');
  await nav.getByRole('button', { name: 'Réclamations' }).click();
  await expect(nav.getByRole('button', { name: 'Réclamations' })).toHaveAttribute('aria-current', 'page');
  expect(await callFromPage(page, 'audit.verify', {})).toMatchObject({ ok: true });
});

test('an administrator creates an account by keyboard; its one-time password must be changed at first sign-in', async ({
  page,
  demoHost,
}) => {
  await loginAs(page, demoHost, 'admin');
  await page.getByRole('tab', { name: 'Utilisateurs' }).click();
  const table = page.getByRole('table', { name: 'Utilisateurs' });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByRole('row', { name: /osidibe/ })).toContainText('Désactivé');

  await page.getByRole('button', { name: 'Nouveau compte' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Nouveau compte' });
  await expect(dialog.getByLabel('Identifiant')).toBeFocused();
  await page.keyboard.type('Kadia');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kadiatou Cissé');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space'); // Accueil
  await dialog.getByRole('button', { name: 'Créer le compte' }).click();

  const created = page.getByRole('dialog', { name: 'Compte créé' });
  const otp = (await created.getByLabel('Mot de passe à usage unique').textContent())!.trim();
  expect(otp).toMatch(/^[a-z2-9]{10}$/);
  await expect(created).toContainText('il ne sera plus jamais affiché');
  await page.screenshot({ path: screenshotPath('users-one-time-password.png') });
  await created.getByRole('button', { name: 'J’ai noté le mot de passe' }).click();
  await expect(table.getByRole('row', { name: /kadia/ })).toContainText('Mot de passe à changer');
  await page.screenshot({ path: screenshotPath('users.png') });

  // A login already used is refused next to the field.
  await page.getByRole('button', { name: 'Nouveau compte' }).click();
  await page.getByRole('dialog', { name: 'Nouveau compte' }).getByLabel('Identifiant').fill('kadia');
  await page.getByRole('dialog', { name: 'Nouveau compte' }).getByLabel('Nom complet').fill('Autre');
  await page.getByRole('dialog', { name: 'Nouveau compte' }).getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByRole('dialog', { name: 'Nouveau compte' }).getByText('Choisissez au moins un rôle')).toBeVisible();
  await page
    .getByRole('dialog', { name: 'Nouveau compte' })
    .getByRole('checkbox', { name: /Pharmacie/ })
    .check();
  await page.getByRole('dialog', { name: 'Nouveau compte' }).getByRole('button', { name: 'Créer le compte' }).click();
  await expect(page.getByRole('dialog', { name: 'Nouveau compte' }).getByText('Identifiant déjà utilisé')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.getByLabel('Identifiant').fill('kadia');
  await page.getByLabel('Mot de passe').fill(otp);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Changer le mot de passe' })).toBeVisible();
  // The one-time password was just typed: not asked again, the new one has the focus.
  await expect(page.getByLabel('Mot de passe actuel')).toHaveCount(0);
  await expect(page.getByLabel('Nouveau mot de passe', { exact: true })).toBeFocused();
  await page.screenshot({ path: screenshotPath('first-login.png') });
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('kadiatou-2026');
  await page.getByLabel('Confirmer le nouveau mot de passe').fill('kadiatou-2026');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('contentinfo', { name: 'État' })).toContainText('Kadiatou Cissé (Accueil)');
});

test('an administrator resets a password and deactivates an account, each confirmed', async ({ page, demoHost }) => {
  await loginAs(page, demoHost, 'admin');
  await page.getByRole('tab', { name: 'Utilisateurs' }).click();
  const table = page.getByRole('table', { name: 'Utilisateurs' });
  const row = table.getByRole('row', { name: /pharmacie/ });
  await row.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Réinitialiser le mot de passe…' }).click();
  await page
    .getByRole('dialog', { name: 'Réinitialiser le mot de passe' })
    .getByRole('button', { name: 'Réinitialiser le mot de passe' })
    .click();
  const otp = (await page.getByLabel('Mot de passe à usage unique').textContent())!.trim();
  expect(otp).not.toBe(passwordOf(demoHost, 'pharmacie'));
  await page.getByRole('button', { name: 'J’ai noté le mot de passe' }).click();
  await expect(row).toContainText('Mot de passe à changer');

  await row.click();
  await page.getByRole('button', { name: 'Désactiver…' }).click();
  await page.getByRole('dialog', { name: 'Désactiver le compte' }).getByRole('button', { name: 'Désactiver le compte' }).click();
  await expect(row).toContainText('Désactivé');

  // The last administrator cannot demote himself.
  await table.getByRole('row', { name: /Moussa Keïta/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('checkbox', { name: /Administrateur/ })
    .uncheck();
  await page
    .getByRole('dialog')
    .getByRole('checkbox', { name: /Gestionnaire/ })
    .check();
  await page.getByRole('dialog').getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toContainText('dernier administrateur actif');
});

test('the screen locks after inactivity without losing the form in progress', async ({ page, demoHost }) => {
  await page.clock.install();
  await loginAs(page, demoHost, 'admin');
  await page.getByRole('tab', { name: 'Utilisateurs' }).click();
  await page.getByRole('button', { name: 'Nouveau compte' }).click();
  const form = page.getByRole('dialog', { name: 'Nouveau compte' });
  await form.getByLabel('Identifiant').fill('mariam');
  await form.getByLabel('Nom complet').fill('Mariam Konaté');

  // lock.inactivityMinutes is 10 by default: eleven minutes without a key press.
  await page.clock.fastForward('11:00');
  const lock = page.getByRole('dialog', { name: 'Écran verrouillé' });
  await expect(lock).toBeVisible();
  await expect(lock).toContainText('Moussa Keïta');
  // The lock screen shows at once; the window tells the back end in the same moment, without waiting.
  await expect.poll(() => callFromPage(page, 'users.list', {})).toMatchObject({ ok: false, error: { code: 'SESSION_LOCKED' } });

  await lock.getByLabel('Mot de passe').fill('pas-le-bon');
  await lock.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(lock.getByRole('alert')).toContainText('Encore 4 essai');
  await page.screenshot({ path: screenshotPath('lock.png') });
  await page.keyboard.press('Escape');
  await expect(lock).toBeVisible();
  await lock.getByLabel('Mot de passe').fill(passwordOf(demoHost, 'admin'));
  await lock.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(lock).toHaveCount(0);

  await expect(form.getByLabel('Identifiant')).toHaveValue('mariam');
  await expect(form.getByLabel('Nom complet')).toHaveValue('Mariam Konaté');
  expect(await callFromPage(page, 'users.list', {})).toMatchObject({ ok: true });
});

test('another person signs out from the lock screen', async ({ page, demoHost }) => {
  await loginAs(page, demoHost, 'accueil');
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  const lock = page.getByRole('dialog', { name: 'Écran verrouillé' });
  await expect(lock).toContainText('Aminata Traoré');
  await lock.getByRole('button', { name: 'Fermer la session et changer d’utilisateur' }).click();
  await expect(page.getByRole('form', { name: 'Connexion' })).toBeVisible();
  expect(await callFromPage(page, 'auth.activity', {})).toMatchObject({ ok: false, error: { code: 'NOT_AUTHENTICATED' } });
});

test('the audit screen filters and pages on the server and checks the chain', async ({ page, demoHost }) => {
  // Some history: a refused sign-in, then thirty changes of a setting by the administrator.
  await page.goto(demoHost.url);
  await page.getByLabel('Identifiant').fill('accueil');
  await page.getByLabel('Mot de passe').fill('mauvais');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toContainText('incorrect');
  const claimMonth = monthBefore(demoHost.month, 1);
  expect((await demoHost.cli('claims', 'build', '--month', claimMonth)).code).toBe(0);
  await loginAs(page, demoHost, 'admin');
  for (let minutes = 11; minutes <= 40; minutes++) {
    expect(await callFromPage(page, 'settings.set', { key: 'lock.inactivityMinutes', value: minutes })).toMatchObject({ ok: true });
  }

  await page.getByRole('tab', { name: "Journal d'audit" }).click();
  const table = page.getByRole('table', { name: "Journal d'audit" });
  await expect(table.getByRole('row').nth(1)).toContainText("Modification d'un paramètre");
  await expect(page.getByText('Page 1 sur 2')).toBeVisible();
  await page.getByRole('button', { name: 'Suivante ›' }).click();
  await expect(page.getByText('Page 2 sur 2')).toBeVisible();
  // The oldest row is the demo's filling (audited like any call), then the refused sign-in.
  await expect(table.getByRole('row').last()).toContainText('Base de démonstration');
  await expect(table.getByRole('row').filter({ hasText: 'anonymeConnexion' })).toHaveCount(1);

  await page.getByLabel('Résultat').selectOption({ label: 'Échouée' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByText('Page 1 sur 2')).toHaveCount(0);
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('row').nth(1)).toContainText('identifiant : accueil');
  await expect(table.getByRole('row').nth(1)).toContainText('mot de passe : (masqué)');

  // Every operation, object and detail in French: no contract name, no ISO date, amounts in FCFA.
  await page.getByRole('button', { name: 'Effacer' }).click();
  await page.getByLabel('Objet').selectOption({ label: 'Réclamation' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  const built = table.getByRole('row').nth(1);
  await expect(built).toContainText("Construction d'une réclamation");
  await expect(built).toContainText(`Réclamation ${claimMonth.slice(5)}/${claimMonth.slice(0, 4)} v1`);
  await expect(built).toContainText(`mois : ${claimMonth.slice(5)}/${claimMonth.slice(0, 4)}`);
  await expect(built).toContainText(/total : [\d ]+ FCFA/);
  await expect(built).toContainText(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(built).not.toContainText(/claims\.build|jobId|\d{4}-\d{2}-\d{2}T/);
  await page.screenshot({ path: screenshotPath('audit-claim.png') });

  await page.getByRole('button', { name: 'Effacer' }).click();
  await page.getByLabel('Opération').selectOption({ label: "Modification d'un paramètre" });
  await page.getByLabel('Au', { exact: true }).fill('31/02/2030');
  await expect(page.getByText('Date attendue au format JJ/MM/AAAA')).toBeVisible();
  await page.getByLabel('Du', { exact: true }).fill('02/01/2030');
  await page.getByLabel('Au', { exact: true }).fill('31/12/2029');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByText('La date de fin précède la date de début')).toBeVisible();
  await page.getByLabel('Du', { exact: true }).fill('');
  await page.getByLabel('Au', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.getByText('30 ligne(s)')).toBeVisible();
  // The filtered rows, all pages, leave as a CSV oldest first.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter les 30 opération(s) en CSV' }).click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const lines = csv.trim().split('\n');
  expect(lines).toHaveLength(31);
  expect(lines[1]).toContain('paramètre : lock.inactivityMinutes · valeur : 11');

  await table.getByRole('row').nth(1).focus();
  await page.keyboard.press('Enter');
  const detail = page.getByRole('dialog', { name: /Opération n° \d+/ });
  await expect(detail).toContainText('paramètre : lock.inactivityMinutes');
  await expect(detail).toContainText(/Empreinte[0-9a-f]{64}/);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);

  await page.getByRole('button', { name: 'Effacer' }).click();
  await page.getByRole('button', { name: "Vérifier l'intégrité du journal" }).click();
  await expect(page.getByRole('status')).toContainText('Journal intact');
  await page.screenshot({ path: screenshotPath('audit.png') });
});
