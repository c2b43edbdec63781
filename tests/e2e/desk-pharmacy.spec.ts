import { openCore, type Core } from '../../electron/core/app';
import { actingAs } from '../../electron/core/service-context';
import { createEpisode } from '../../electron/core/episodes/create';
import { silentLogger } from '../../electron/core/logger';
import { dispense } from '../../electron/core/pharmacy/dispense';
import { receiveBatch } from '../../electron/core/pharmacy/stock';
import { insertPersons } from '../support/persons';
import type { Page } from '@playwright/test';
import { expect, loginAs, test, type Host } from './fixtures';

async function withCore<T>(host: Host, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ db: host.db, log: silentLogger });
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

/** A person born « vers 1968 » with an episode opened by the desk; dates come from the host's own clock. */
async function openedEpisode(host: Host, recepisse: string) {
  return withCore(host, async (core) => {
    const db = core.deps.handle.db;
    const [personId] = await insertPersons(db, [
      { recepisse, family_name: 'Konaté', given_names: 'Bakary', sex: 'M', birth_date: '1968-01-01' },
    ]);
    await db.updateTable('person').set({ birth_year_only: 1 }).where('id', '=', personId!).execute();
    const episode = await createEpisode(actingAs(core.deps, 'accueil'), {
      personId: personId!,
      type: 'consultation_externe',
      identityDocument: 'recepisse_seul',
      identityMatches: true,
      eligibility: { eligible: true, reasons: [], warnings: [] },
    });
    const row = await db.selectFrom('episode').select('opened_at').where('id', '=', episode.id).executeTakeFirstOrThrow();
    return { ...episode, openedOn: row.opened_at.slice(0, 10), core };
  });
}

/** Screenshots to look at (not tracked): at 1366×768 and at 125 % Windows scaling (1093×614). */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `.tmp/screens/${name}-1366.png` });
  await page.setViewportSize({ width: 1093, height: 614 });
  await page.screenshot({ path: `.tmp/screens/${name}-1093.png` });
  await page.setViewportSize({ width: 1366, height: 768 });
}

const french = (iso: string) => iso.split('-').reverse().join('/');

async function openFromList(page: Page, number: string) {
  await page.getByRole('tab', { name: 'Épisodes' }).click();
  await page
    .getByRole('table', { name: 'Épisodes' })
    .getByRole('row', { name: new RegExp(number) })
    .click();
}

test('an act with an unreadable date is not saved, by keyboard, and a year-only birth reads « vers »', async ({ page, demoHost }) => {
  const { number, openedOn } = await openedEpisode(demoHost, '4441234567890');
  await loginAs(page, demoHost, 'accueil');
  await openFromList(page, number);
  const header = page.getByRole('region', { name: 'Patient et épisode' });
  await expect(header).toContainText('né vers 1968');
  await expect(header).not.toContainText('01/01/1968');

  const picker = page.getByRole('combobox', { name: 'Acte (code ou libellé)' });
  await picker.fill('cs-cur');
  await picker.press('Enter');
  await page.getByLabel('Prescripteur').fill('Dr Sidibé');
  const date = page.getByLabel('Date de l’acte');
  const lines = page.getByRole('table', { name: 'Prestations de l’épisode' });
  for (const typed of ['32/13/2026', '2026-12-06']) {
    await date.fill(typed);
    await date.press('Enter');
    await expect(page.getByText('Date attendue au format JJ/MM/AAAA')).toBeVisible();
    await expect(date).toBeFocused();
    await date.press('Enter');
  }
  await expect(lines).toContainText('Aucun acte pour l’instant.');
  await expect(page.getByLabel('Total RAMED')).toContainText('0 acte');

  await date.fill(french(openedOn));
  await date.press('Enter');
  await expect(lines.getByRole('row')).toHaveCount(3); // header, the act, the totals row
  await expect(lines).toContainText(french(openedOn));
});

test('medicines dispensed show in the episode, with one total for acts and medicines', async ({ page, demoHost }) => {
  const { id, number } = await openedEpisode(demoHost, '4441234567891');
  await withCore(demoHost, async (core) => {
    const writer = actingAs(core.deps, 'pharmacie');
    await receiveBatch(writer, {
      medicineCode: 'AMOX500G',
      lot: 'AM-E2E',
      expiry: '2099-12-31',
      quantity: 800,
      unitCost: 10,
      supplier: 'PPM Bamako',
      receivedOn: core.deps.clock.now().toISOString().slice(0, 10),
    });
    await dispense(writer, { episodeId: id, medicineCode: 'AMOX500G', quantity: 21, prescriber: 'Dr Sidibé' });
  });

  await loginAs(page, demoHost, 'accueil');
  await openFromList(page, number);
  const medicines = page.getByRole('table', { name: 'Médicaments de l’épisode' });
  await expect(medicines).toContainText('Amoxicilline');
  const total = page.getByLabel('Total RAMED');
  const totalsRow = (await medicines.getByRole('row').last().textContent()) ?? '';
  const amount = /Total\s*([\d\s\u202f]+ FCFA)/.exec(totalsRow)?.[1];
  expect(amount).toBeTruthy();
  await expect(total).toContainText(amount!);
  await expect(total).toContainText('1 médicament');
  await shoot(page, 'episode-medicaments');

  // Diagnosis and outcome are asked for before the confirmation, not after it.
  await page.getByRole('button', { name: 'Clore l’épisode' }).click();
  await expect(page.getByText('Indiquez le diagnostic avant de clore')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirmer la clôture' })).toHaveCount(0);
  await page.getByLabel('Diagnostic', { exact: true }).fill('Infection respiratoire');
  await page.getByLabel('Issue').selectOption('gueri');
  await page.getByRole('button', { name: 'Clore l’épisode' }).click();
  await expect(page.getByRole('alert')).toContainText(amount!);
  await expect(page.getByText('Indiquez le diagnostic avant de clore')).toHaveCount(0);
  await page.getByRole('button', { name: 'Revenir' }).click();
  await page.getByRole('button', { name: '← Retour à la liste' }).click();
  await expect(page.getByRole('table', { name: 'Épisodes' }).getByRole('row', { name: new RegExp(number) })).toContainText(amount!);
});

test('a typo cannot empty the stock: an unusual quantity is asked again, and a dispensed line can be cancelled', async ({
  page,
  demoHost,
}) => {
  await openedEpisode(demoHost, '4441234567892');
  await loginAs(page, demoHost, 'pharmacie');
  await page.getByLabel('Récépissé ou numéro d’épisode').fill('4441234567892');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /KONATÉ Bakary/ })).toBeVisible();

  const picker = page.getByLabel('Médicament (DCI)');
  const preview = page.locator('.preview');
  const stock = async () =>
    Number((/Stock utilisable : ([\d\s\u202f]+)/.exec((await preview.textContent()) ?? '')?.[1] ?? '').replace(/\D/g, ''));
  // « amox » names two medicines: Enter says so; the error leaves once a medicine is picked.
  await picker.fill('amox');
  await picker.press('Enter');
  await expect(page.getByText(/médicaments correspondent à « amox »/)).toBeVisible();
  await picker.fill('amoxicilline — gélule');
  await picker.press('Enter');
  await expect(picker).toHaveValue(/^Amoxicilline — gélule 500 mg/);
  await expect(page.getByText(/correspondent à/)).toHaveCount(0);
  await expect(preview).toContainText('Prix unitaire');
  const before = await stock();
  expect(before).toBeGreaterThan(0);

  await page.getByLabel('Prescripteur').fill('Dr Sidibé');
  const quantity = page.getByLabel('Quantité');
  await quantity.fill('1000');
  await quantity.press('Enter');
  const question = page.getByRole('alert', { name: 'Quantité à confirmer' });
  await expect(question).toContainText('1\u202f000 gélules');
  await expect(page.getByRole('button', { name: 'Corriger la quantité' })).toBeFocused();
  await shoot(page, 'pharmacie-confirmation');
  await page.getByRole('button', { name: 'Corriger la quantité' }).focus();
  await page.keyboard.press('Enter');
  await expect(question).toHaveCount(0);
  await expect(quantity).toBeFocused();
  expect(await stock()).toBe(before);

  await quantity.fill('10');
  await quantity.press('Enter');
  await expect(page.getByRole('status')).toContainText('10 gélules dispensé(s)');
  await expect(picker).toBeFocused();
  await picker.fill('Amoxicilline — gélule 500 mg (AMOX500G)');
  await expect.poll(stock).toBe(before - 10);

  const lines = page.getByRole('table', { name: 'Médicaments dispensés' });
  await lines
    .getByRole('button', { name: /Annuler la ligne Amoxicilline/ })
    .first()
    .click();
  await page.getByLabel('Motif de l’annulation').fill('Quantité saisie par erreur');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Ligne annulée' })).toBeVisible();
  await expect(lines).toContainText('annulation (Quantité saisie par erreur)');
  await shoot(page, 'pharmacie-annulation');
  await expect.poll(stock).toBe(before);
});

test('by keyboard alone: scan, Enter admits and the slip comes out; a second visit today is said with the verdict', async ({
  page,
  demoHost,
}) => {
  await loginAs(page, demoHost, 'accueil');
  const field = page.getByLabel('Récépissé (tapé ou scanné, puis Entrée) ou nom');
  const verdict = page.getByRole('region', { name: 'Résultat de la vérification' });
  await expect(field).toBeFocused();
  await page.keyboard.type('1101000000017');
  await page.keyboard.press('Enter');
  await expect(verdict.getByRole('status')).toHaveText('✔ ÉLIGIBLE');
  // Identity first (nothing pre-filled): the arrows choose the document, Tab moves on, Enter admits.
  await expect(page.getByLabel('Pièce présentée')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Pièce présentée')).toHaveValue('recepisse_seul');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('La pièce correspond')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('La pièce correspond')).toHaveValue('oui');
  const slip = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const admitted = page.getByRole('status').filter({ hasText: 'Admis : épisode' });
  await expect(admitted).toContainText(/EP-\d{4}-\d{6}/);
  const number = /EP-\d{4}-\d{6}/.exec((await admitted.textContent())!)![0];
  expect((await slip).suggestedFilename()).toBe(`fiche-admission-${number}.pdf`);
  await expect(page.getByRole('button', { name: 'Imprimer la fiche d’admission' })).toBeFocused();
  await shoot(page, 'accueil-admis');

  await page.keyboard.press('Escape');
  await expect(field).toBeFocused();
  await page.keyboard.type('1101000000017');
  await page.keyboard.press('Enter');
  // Said with the verdict, before anything is pressed; the earlier episode is the first key.
  const warning = page.getByRole('alert').filter({ hasText: 'Déjà admis aujourd’hui' });
  await expect(warning).toBeVisible();
  await expect(page.getByRole('button', { name: 'Admettre', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Admettre à nouveau (nouvel épisode)' })).toBeVisible();
  const open = warning.getByRole('button', { name: `Ouvrir l’épisode ${number}` });
  await expect(open).toBeFocused();
  await shoot(page, 'accueil-deja-admis');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Patient et épisode' })).toContainText(number);
});

test('homonyms: the person’s own récépissé, sex, age and NINA tell them apart; a long list asks to narrow it', async ({
  page,
  demoHost,
}) => {
  await withCore(demoHost, async (core) => {
    const db = core.deps.handle.db;
    const ids = await insertPersons(
      db,
      Array.from({ length: 24 }, (_, i) => ({
        recepisse: `55512345${String(i).padStart(5, '0')}`,
        family_name: 'Traoré',
        given_names: 'Alou',
        sex: i % 2 === 0 ? ('M' as const) : ('F' as const),
        birth_date: `${1950 + i}-06-15`,
      })),
    );
    for (const [i, id] of ids.entries())
      await db
        .updateTable('person')
        .set({ nina: `NINA${String(i).padStart(4, '0')}` })
        .where('id', '=', id)
        .execute();
  });
  await loginAs(page, demoHost, 'accueil');
  const field = page.getByLabel('Récépissé (tapé ou scanné, puis Entrée) ou nom');
  await page.keyboard.type('traore alou');
  await expect(page.getByText(/Plus de 20 personnes portent ce nom : affinez/)).toBeVisible();
  const found = page.getByRole('table', { name: 'Personnes trouvées' });
  await expect(found.locator('tbody tr')).toHaveCount(20);
  const first = found.locator('tbody tr').first();
  await expect(first).toContainText(/5551 2345 000\d\d/);
  await expect(first).toContainText(/NINA00\d\d/);
  await expect(first).toContainText(/\d+ ans \(15\/06\/\d{4}\)/);
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  // The keyboard's row is not the hover tint: it has its own outline.
  expect(await first.evaluate((row) => getComputedStyle(row).outlineStyle)).toBe('solid');
  await shoot(page, 'accueil-homonymes');

  // « 11O1… » with a letter O is a mistyped récépissé, said so, not searched as a name.
  await page.keyboard.press('Escape');
  await field.fill('11O1000000017');
  await expect(page.getByText(/contient des lettres à la place de chiffres.*1101 0000 00017/)).toBeVisible();
  await expect(found).toHaveCount(0);
});

test('a new real facility is shown its setup checklist, and an example file imported there is warned about', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByLabel("Code de l'établissement").fill('CS-SIBY');
  await page.getByLabel("Nom de l'établissement").fill('CSCOM de Siby');
  await page.getByLabel('Identifiant').fill('awa');
  await page.getByLabel('Nom complet').fill('Awa Sangaré');
  await page.getByLabel('Mot de passe', { exact: true }).fill('un-long-mot-de-passe');
  await page.getByLabel('Confirmer le mot de passe').fill('un-long-mot-de-passe');
  await page.getByRole('button', { name: /Créer l'établissement/ }).click();

  const checklist = page.getByRole('list', { name: 'Liste de mise en service' });
  await expect(page.getByRole('heading', { name: 'Mise en service : 6 point(s) à régler' })).toBeVisible();
  for (const item of ['Registre des bénéficiaires importé — à faire', 'Dossier des sauvegardes choisi et présent — à faire']) {
    await expect(checklist).toContainText(item);
  }
  await expect(checklist).toContainText('Aucun dossier choisi : aucune sauvegarde');
  await shoot(page, 'admin-mise-en-service');

  await page.getByRole('tab', { name: 'Sauvegardes' }).click();
  await expect(page.getByText('aucune tant qu’aucun dossier n’est choisi')).toBeVisible();
  // A sensible default is offered: beside the database, in the app's data folder; one key press takes it.
  await expect(page.getByText(/Dossier proposé : .*sauvegardes/)).toBeVisible();
  await page.getByRole('button', { name: 'Utiliser ce dossier' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('créé à la première sauvegarde')).toBeVisible();
  await expect(page.getByText(/^toutes les 24 h/)).toBeVisible();
  await shoot(page, 'admin-sauvegardes-dossier-propose');
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sauvegarde faite et vérifiée' })).toBeVisible();
  await page.getByRole('tab', { name: 'Établissement' }).click();
  await expect(checklist).toContainText('Dossier des sauvegardes choisi et présent — fait');

  await page.getByRole('tab', { name: 'Tarifs et médicaments' }).click();
  await page.getByLabel('Fichier : Liste des tarifs').setInputFiles('resources/exemple-illustratif-tarifs.csv');
  await page.getByRole('form', { name: 'Liste des tarifs' }).getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByText(/« exemple-illustratif-tarifs\.csv » est un fichier d’exemple/)).toBeVisible();
  await page.getByRole('tab', { name: 'Établissement' }).click();
  await expect(checklist).toContainText('Liste des tarifs importée — à corriger');
  await expect(checklist).toContainText('données fictives');
});

test('French everywhere: no native date or month control, no browser validation, dates and months typed the French way', async ({
  page,
  demoHost,
}) => {
  await loginAs(page, demoHost, 'pharmacie');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
  const native = () => page.locator('input[type="date"], input[type="month"], form:not([novalidate])').count();

  await page.getByRole('tab', { name: 'Stock' }).click();
  const expiry = page.getByRole('form', { name: 'Réception' }).getByLabel('Péremption');
  await expect(expiry).toHaveAttribute('placeholder', 'JJ/MM/AAAA');
  await expiry.fill('06/12/2026');
  await expect(expiry).toHaveValue('06/12/2026');
  await expiry.fill('12/31/2026');
  await expect(page.getByText('Date attendue au format JJ/MM/AAAA')).toBeVisible();
  expect(await native()).toBe(0);

  await page.getByRole('tab', { name: /Ruptures/ }).click();
  const month = page.getByLabel('Mois', { exact: true });
  await expect(month).toHaveAttribute('placeholder', 'MM/AAAA');
  await month.fill('11/2026');
  await expect(page.getByRole('table', { name: 'Ruptures et demande non satisfaite — novembre 2026' })).toBeVisible();
  await month.fill('2026-10');
  await expect(page.getByRole('table', { name: 'Ruptures et demande non satisfaite — octobre 2026' })).toBeVisible();
  expect(await native()).toBe(0);
});

test('the manager reads the stock and the shortages, without the pharmacist’s forms', async ({ page, demoHost }) => {
  await loginAs(page, demoHost, 'gestionnaire');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Pharmacie' }).click();
  await expect(page.getByRole('tab', { name: 'Dispensation' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Stock' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Lots en stock' }).getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Réception' })).toHaveCount(0);
  // An alert names the form and strength, not the DCI alone.
  const alerts = page.getByRole('table', { name: 'Alertes' });
  await expect(alerts.getByRole('columnheader', { name: 'Médicament' })).toBeVisible();
  await shoot(page, 'gestionnaire-stock');
});
