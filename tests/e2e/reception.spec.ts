import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { expect, loginAs, test, screenshotPath } from './fixtures';

/** Clicks the button that produces a file and answers where the downloaded file was saved. */
async function downloaded(page: Page, button: string, path: string): Promise<{ name: string; path: string }> {
  const event = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await event;
  await file.saveAs(path);
  return { name: file.suggestedFilename(), path };
}

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
  await page.screenshot({ path: screenshotPath('accueil-eligible.png') });
  await household.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('accueil-foyer.png') });

  // Nothing is pre-filled: the agent must say which document was shown and whether it matches.
  await page.getByRole('button', { name: 'Admettre', exact: true }).click();
  await expect(page.getByText('Indiquez la pièce présentée', { exact: true })).toBeVisible();
  await page.getByLabel('Pièce présentée').selectOption('cni_nina');
  await page.getByLabel('N° de la pièce').fill('15068012345678B');
  await expect(page.getByRole('status').filter({ hasText: /NINA|rien à comparer/ })).toBeVisible();
  await page.getByLabel('La pièce correspond').selectOption('non');
  await expect(page.getByRole('group', { name: 'Pièce qui ne correspond pas' })).toContainText('Pourquoi admettre quand même ?');
  await page.screenshot({ path: screenshotPath('accueil-identite.png'), fullPage: true });
  await page.getByLabel('La pièce correspond').selectOption('oui');
  await page.getByRole('button', { name: 'Admettre', exact: true }).click();
  const admitted = page.getByRole('status').filter({ hasText: 'Admis : épisode' });
  await expect(admitted).toContainText(/EP-\d{4}-\d{6}/);
  const number = /EP-\d{4}-\d{6}/.exec((await admitted.textContent())!)![0];

  // The slip, offered at once (the focus is on it: Enter prints).
  await expect(page.getByRole('button', { name: 'Imprimer la fiche d’admission' })).toBeFocused();
  const slip = await downloaded(page, 'Imprimer la fiche d’admission', test.info().outputPath('fiche.pdf'));
  expect(slip.name).toBe(`fiche-admission-${number}.pdf`);
  const text = execFileSync('pdftotext', ['-layout', slip.path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const expected of [
    number,
    'COULIBALY Bakary',
    '1101 0000 00017',
    'ÉLIGIBLE le',
    'Carte NINA / CNI n° 15068012345678B',
    'Aminata Traoré',
  ]) {
    expect(text).toContain(expected);
  }
  execFileSync('pdftoppm', ['-png', '-r', '110', '-singlefile', slip.path, screenshotPath('fiche-admission')]);

  await page.keyboard.press('Escape');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');

  // The day's list: the check and the admission, with the day's figures; the episode reprints its slip.
  await page.getByRole('tab', { name: 'Aujourd’hui' }).click();
  const day = page.getByRole('table', { name: 'Contrôles du jour' });
  const row = day.getByRole('row').filter({ hasText: number });
  await expect(row).toContainText('COULIBALY Bakary');
  await expect(row).toContainText('Admis');
  await expect(row).toContainText('Carte NINA / CNI');
  const figures = page.getByRole('definition');
  await expect(figures.first()).not.toHaveText('0');
  await page.screenshot({ path: screenshotPath('accueil-aujourdhui.png') });
  await row.getByRole('button', { name: number }).click();
  await expect(page.getByRole('region', { name: 'Patient et épisode' })).toContainText(number);
  const again = await downloaded(page, 'Imprimer la fiche d’admission', test.info().outputPath('fiche-2.pdf'));
  expect(again.name).toBe(`fiche-admission-${number}.pdf`);
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
  await page.screenshot({ path: screenshotPath('accueil-non-eligible.png') });

  // The refusal is on the day's list, with its reason, among the non-eligible ones.
  await page.getByRole('tab', { name: 'Aujourd’hui' }).click();
  await page.getByRole('combobox', { name: 'Résultat' }).selectOption('non_eligible');
  const day = page.getByRole('table', { name: 'Contrôles du jour' });
  await expect(day.getByRole('row').filter({ hasText: 'DIARRA Mamadou' }).first()).toContainText('Récépissé expiré');
  for (const cell of await day.locator('tbody tr td:nth-child(5)').allTextContents()) expect(cell).toBe('Non éligible');
  await page.getByRole('tab', { name: 'Vérification et admission' }).click();

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
