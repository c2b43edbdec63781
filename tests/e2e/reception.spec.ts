import { expect, loginAs, test } from './fixtures';

// The demo registry (resources/registre-exemple-illustratif.csv): Bakary Coulibaly holds a valid
// récépissé; Mamadou Diarra's ran out in 2023; Bakary's daughter Fatoumata, born 2011, is not in school.
test('the desk: an eligible holder checked by récépissé, household shown, admitted', async ({ page, demoHost }) => {
  await loginAs(page, demoHost, 'accueil');
  const field = page.getByLabel('Récépissé (tapé ou scanné, puis Entrée) ou nom');
  await expect(field).toBeFocused();
  const verdict = page.getByRole('region', { name: 'Résultat de la vérification' });

  await field.fill('1101 0000 00017');
  await field.press('Enter');
  await expect(verdict.getByRole('status')).toHaveText('✔ ÉLIGIBLE');
  await expect(verdict).toContainText('COULIBALY Bakary');
  const household = page.getByRole('table', { name: 'Foyer' });
  await expect(household.getByRole('row', { name: /COULIBALY Fatoumata/ })).toContainText('Enfant de 14 à 21 ans non scolarisé');
  await page.screenshot({ path: 'docs/screenshots/accueil-eligible.png' });
  await household.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/accueil-foyer.png' });

  await page.getByLabel('Pièce présentée').selectOption('cni_nina');
  await page.getByLabel('N° de la pièce').fill('15068012345678B');
  await page.getByRole('button', { name: 'Admettre', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Admis : épisode' })).toContainText(/EP-\d{4}-\d{6}/);

  await page.keyboard.press('Escape');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
});

test('the desk: expired and out-of-school child refused with the reason; names found with or without accents', async ({
  page,
  demoHost,
}) => {
  await loginAs(page, demoHost, 'accueil');
  const field = page.getByLabel('Récépissé (tapé ou scanné, puis Entrée) ou nom');
  const verdict = page.getByRole('region', { name: 'Résultat de la vérification' });
  await field.fill('1101000000108');
  await field.press('Enter');
  await expect(verdict.getByRole('status')).toHaveText('✘ NON ÉLIGIBLE');
  await expect(verdict.getByRole('list', { name: 'Motifs' })).toContainText('Récépissé expiré');
  await expect(page.getByRole('button', { name: 'Admettre', exact: true })).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/accueil-non-eligible.png' });

  await page.keyboard.press('Escape');
  await field.fill('coulibaly fatou');
  const found = page.getByRole('table', { name: 'Personnes trouvées' });
  await expect(found.getByRole('row', { name: /COULIBALY Fatoumata/ })).toBeVisible();
  await field.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(verdict.getByRole('status')).toHaveText('✘ NON ÉLIGIBLE');
  await expect(verdict.getByRole('list', { name: 'Motifs' })).toContainText('Enfant de 14 à 21 ans non scolarisé');

  for (const name of ['Keïta Mariam', 'keita mariam']) {
    await page.keyboard.press('Escape');
    await field.fill(name);
    await expect(found.getByRole('row', { name: /KEÏTA Mariam/ })).toHaveCount(1);
  }
});
