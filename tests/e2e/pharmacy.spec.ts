import { openCore } from '../../electron/core/app';
import { actingAs } from '../../electron/core/service-context';
import { createEpisode } from '../../electron/core/episodes/create';
import { receiveBatch } from '../../electron/core/pharmacy/stock';
import { silentLogger } from '../../electron/core/logger';
import { insertPersons } from '../support/persons';
import { addDays } from '../../shared/lib/dates';
import { expect, loginAs, test, today, screenshotPath } from './fixtures';

test('the pharmacist dispenses two DCIs to a patient with an open episode and sees the stock decrease', async ({ page, demoHost }) => {
  const core = await openCore({ db: demoHost.db, log: silentLogger });
  try {
    const [personId] = await insertPersons(core.deps.handle.db, [
      { recepisse: '2221234567890', family_name: 'Coulibaly', given_names: 'Fatoumata', birth_date: '1988-07-02' },
    ]);
    await createEpisode(actingAs(core.deps, 'accueil'), {
      personId: personId!,
      type: 'consultation_externe',
      identityDocument: 'cni_nina',
      identityNumber: '21003198404512A',
      identityMatches: true,
      eligibility: { eligible: true, reasons: [], warnings: [] },
    });
    // A second paracetamol batch expiring late, for the pharmacist to pick over the FEFO one.
    const writer = actingAs(core.deps, 'pharmacie');
    await receiveBatch(writer, {
      medicineCode: 'PARA500C',
      lot: 'PA-TARDIF',
      expiry: addDays(today(), 1000),
      quantity: 500,
      unitCost: 8,
      supplier: 'PPM Bamako',
      receivedOn: today(),
    });
  } finally {
    await core.close();
  }

  await page.setViewportSize({ width: 1366, height: 768 });
  await loginAs(page, demoHost, 'pharmacie');
  await page.getByLabel('Récépissé ou numéro d’épisode').fill('2221234567890');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /COULIBALY Fatoumata/ })).toBeVisible();

  const picker = page.getByLabel('Médicament (DCI)');
  const preview = page.locator('.preview');
  const stockOf = async () =>
    Number((/Stock utilisable : ([\d\s\u202f]+)/.exec((await preview.textContent()) ?? '')?.[1] ?? '').replace(/\D/g, ''));
  await page.getByLabel('Prescripteur').fill('Dr Sidibé');

  const give = async (label: RegExp, quantity: number) => {
    const option = await page
      .locator('datalist option')
      .evaluateAll((opts, source) => opts.map((o) => (o as HTMLOptionElement).value).find((v) => new RegExp(source).test(v)), label.source);
    await picker.fill(option!);
    await expect(preview).toContainText('Stock utilisable');
    const before = await stockOf();
    await page.getByLabel('Quantité').fill(String(quantity));
    await page.getByRole('button', { name: 'Dispenser', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('dispensé');
    await picker.fill(option!);
    await expect.poll(stockOf).toBe(before - quantity);
  };
  await give(/^Paracétamol — comprimé/, 9);
  await give(/^Amoxicilline — gélule/, 15);

  // A batch other than the FEFO one: allowed with a reason, kept on the line.
  const paracetamol = await page
    .locator('datalist option')
    .evaluateAll((opts) => opts.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith('Paracétamol — comprimé')));
  await picker.fill(paracetamol!);
  const lot = page.getByLabel('Lot', { exact: true });
  const choices = await lot.locator('option').allTextContents();
  expect(choices[0]).toBe('Automatique (premier périmé, premier sorti)');
  const chosen = 'PA-TARDIF';
  await lot.selectOption({ label: choices.find((c) => c.startsWith(chosen))! });
  await expect(preview).toContainText(`lot choisi : ${chosen}`);
  await page.getByLabel('Quantité').fill('3');
  await page.getByRole('button', { name: 'Dispenser', exact: true }).click();
  await expect(page.getByText('Indiquez le motif (3 caractères au moins)')).toBeVisible();
  await page.getByLabel('Motif du choix du lot').fill('Boîte déjà entamée au rayon');
  await page.getByRole('button', { name: 'Dispenser', exact: true }).click();
  await expect(page.getByRole('status')).toContainText(`(lot ${chosen})`);
  await expect(
    page
      .getByRole('table', { name: 'Médicaments dispensés' })
      .getByRole('row', { name: new RegExp(`${chosen} \\(choisi : Boîte déjà entamée au rayon\\)`) }),
  ).toBeVisible();
  // Zinc was never received: one action records the whole request as unmet demand.
  const zinc = await page
    .locator('datalist option')
    .evaluateAll((opts) => opts.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith('Zinc')));
  await picker.fill(zinc!);
  await page.getByLabel('Quantité').fill('10');
  await expect(preview).toContainText('rupture de stock');
  await page.getByRole('button', { name: 'Servir le disponible et noter le manque' }).click();
  await expect(page.getByRole('alert', { name: 'Quantité à confirmer' })).toContainText('Rien en stock');
  await page.getByRole('button', { name: 'Confirmer et dispenser' }).click();
  await expect(page.getByRole('status')).toContainText('manque de 10');
  const table = page.getByRole('table', { name: 'Médicaments dispensés' });
  await expect(table.getByRole('row', { name: /Paracétamol/ })).toHaveCount(2);
  await expect(table.getByRole('row', { name: /Amoxicilline/ })).toBeVisible();
  await page.screenshot({ path: screenshotPath('pharmacie-dispensation.png') });

  await page.getByRole('tab', { name: 'Stock' }).click();
  await expect(
    page
      .getByRole('table', { name: 'Alertes' })
      .getByRole('row', { name: /Périmé/ })
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: screenshotPath('pharmacie-stock.png'), fullPage: true });

  await page.getByRole('tab', { name: /Ruptures/ }).click();
  await expect(page.getByRole('row', { name: /Zinc/ })).toBeVisible();
  await page.screenshot({ path: screenshotPath('pharmacie-ruptures.png') });
});
