import { expect, screenshotPath, test } from './fixtures';

const script = (url: string) => new URL(url).pathname.endsWith('.js');

test('the login reads no section’s script; the other sections arrive on demand, and one that cannot arrive says so', async ({
  page,
  demoHost,
}) => {
  // The pharmacy's code cannot arrive (the application was updated or stopped meanwhile).
  const pharmacyChunk = /\/assets\/PharmacyScreen-[^/]+\.js$/;
  await page.route(pharmacyChunk, (route) => route.abort());
  const scripts: Array<{ url: string; type: string }> = [];
  page.on('response', (response) => {
    if (script(response.url())) scripts.push({ url: response.url(), type: response.headers()['content-type'] ?? '' });
  });

  await page.goto(demoHost.url);
  await expect(page.getByLabel('Identifiant')).toBeFocused();
  // The login comes first, alone in the entry; the shell and the reception (SignedIn-…, with the
  // validation and tables libraries) may already be on their way, fetched while the login shows; no
  // section's code, no chart library yet.
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((s) => /\/assets\/(\w+Screen|charts)-[^/]+\.js$/.test(s.url)).map((s) => s.url)).toEqual([]);
  expect(scripts.every((s) => /^text\/javascript/.test(s.type))).toBe(true);

  const account = demoHost.accounts.find((a) => a.roles.includes('gestionnaire'))!;
  await page.getByLabel('Identifiant').fill(account.login);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.keyboard.press('Enter');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('button', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');

  // By keyboard alone: Alt+4 is the statistics, whose charts come in their own chunk.
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { name: /^Statistiques RAMED — / })).toBeVisible();
  expect(scripts.some((s) => /\/assets\/charts-[^/]+\.js$/.test(s.url))).toBe(true);
  expect(scripts.every((s) => /^text\/javascript/.test(s.type))).toBe(true);

  await page.keyboard.press('Alt+2');
  const failure = page.getByRole('alert').filter({ hasText: 'Cette section' });
  await expect(failure).toContainText('Cette section n’a pas pu être affichée.');
  await expect(nav).toBeVisible();
  await page.screenshot({ path: screenshotPath('section-indisponible.png') });

  // Once the code can arrive again, reloading brings the section, in the same session.
  await page.unroute(pharmacyChunk);
  await failure.getByRole('button', { name: 'Recharger l’application' }).click();
  await expect(nav.getByRole('button', { name: 'Accueil' })).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('tablist', { name: 'Pharmacie' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Stock' })).toBeVisible();
});
