import { openCore } from '../../electron/core/app';
import { createEpisode } from '../../electron/core/episodes/create';
import { actingAs } from '../../electron/core/service-context';
import { silentLogger } from '../../electron/core/logger';
import { insertPersons } from '../support/persons';
import { expect, loginAs, test, screenshotPath } from './fixtures';

test('a medicine off the essential list is marked, and given only with a justification', async ({ page, demoHost }) => {
  const core = await openCore({ db: demoHost.db, log: silentLogger });
  try {
    const [personId] = await insertPersons(core.deps.handle.db, [
      { recepisse: '2221234567891', family_name: 'Diallo', given_names: 'Kadidia', birth_date: '1985-03-04' },
    ]);
    await createEpisode(actingAs(core.deps, 'accueil'), {
      personId: personId!,
      type: 'consultation_externe',
      identityDocument: 'cni_nina',
      identityNumber: '21003198404513A',
      identityMatches: true,
      eligibility: { eligible: true, reasons: [], warnings: [] },
    });
  } finally {
    await core.close();
  }

  await loginAs(page, demoHost, 'pharmacie');
  await page.getByLabel('Récépissé ou numéro d’épisode').fill('2221234567891');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /DIALLO Kadidia/ })).toBeVisible();
  // The demo received carbocistéine syrup, off the list: the picker says so.
  const option = page.locator('datalist option[value*="CARBO5S"]');
  await expect(option).toHaveAttribute('label', 'hors liste essentielle');
  await page.getByLabel('Médicament (DCI)').fill((await option.getAttribute('value'))!);
  await expect(page.getByRole('note')).toContainText('hors liste nationale des médicaments essentiels : indiquez pourquoi');
  await page.getByLabel('Quantité').fill('1');
  await page.getByLabel('Prescripteur').fill('Dr Sidibé');
  await page.getByRole('button', { name: 'Dispenser', exact: true }).click();
  await expect(
    page.getByText('Carbocistéine est hors liste nationale des médicaments essentiels : indiquez pourquoi il est dispensé.'),
  ).toBeVisible();
  await page.getByLabel('Justification (hors liste essentielle)').fill('Intolérance à l’équivalent de la liste');
  await page.screenshot({ path: screenshotPath('pharmacie-hors-liste.png') });
  await page.getByRole('button', { name: 'Dispenser', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('dispensé');
  await expect(page.getByText('Hors liste essentielle : Intolérance à l’équivalent de la liste')).toBeVisible();
});
