import { openCore, type Core } from '../../electron/core/app';
import { actingAs } from '../../electron/core/service-context';
import { demoEpisodes } from '../../electron/core/demo/episodes';
import { createEpisode } from '../../electron/core/episodes/create';
import { closeEpisode } from '../../electron/core/episodes/lifecycle';
import { addLine } from '../../electron/core/episodes/lines';
import { silentLogger } from '../../electron/core/logger';
import { insertPersons, somePerson } from '../support/persons';
import { expect, loginAs, test, type Host, screenshotPath } from './fixtures';

/** Admission is another feature: the test admits through the core function reception will call. */
async function withCore<T>(host: Host, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ db: host.db, log: silentLogger });
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

test('an episode: three acts priced, a correction, closing with the total', async ({ page, demoHost }) => {
  const { number } = await withCore(demoHost, async (core) => {
    const [personId] = await insertPersons(core.deps.handle.db, [
      { recepisse: '1111234567890', family_name: 'Traoré', given_names: 'Aïssata', birth_date: '1994-03-12' },
    ]);
    return createEpisode(actingAs(core.deps, 'accueil'), {
      personId: personId!,
      type: 'consultation_externe',
      identityDocument: 'cni_nina',
      identityNumber: '21003198404512A',
      identityMatches: true,
      eligibility: { eligible: true, reasons: [], warnings: [] },
    });
  });

  await loginAs(page, demoHost, 'accueil');
  await page.getByRole('tab', { name: 'Épisodes' }).click();
  const list = page.getByRole('table', { name: 'Épisodes' });
  await list.getByRole('row', { name: new RegExp(number) }).click();
  await expect(page.getByRole('heading', { name: 'TRAORÉ Aïssata' })).toBeVisible();

  const picker = page.getByRole('combobox', { name: 'Acte (code ou libellé)' });
  const add = async (search: string, option: RegExp, quantity = '1') => {
    await picker.fill(search);
    await page.getByRole('option', { name: option }).click();
    await page.getByLabel('Quantité').fill(quantity);
    await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(picker).toHaveValue('');
  };
  await page.getByLabel('Prescripteur').fill('Dr Sidibé');
  await add('cs-cur', /CS-CUR Consultation curative/);
  // Accents are optional when searching a label; the price shows before adding.
  await picker.fill('goutte epaisse');
  await picker.press('Enter');
  await expect(page.getByText(/1 × 500 FCFA = 500 FCFA à la charge du RAMED/)).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(picker).toHaveValue('');
  await add('injection', /SO-INJ/, '2');

  const total = page.getByLabel('Total RAMED');
  await expect(total).toContainText(/1\s400 FCFA/);
  await expect(total).toContainText('3 actes');

  // An act the RAMED does not cover is refused before and after submitting.
  await picker.fill('certificat');
  await picker.press('Enter');
  await expect(page.getByText(/n’est pas couvert par le RAMED/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await expect(page.getByText(/n’est pas couvert par le RAMED/).first()).toBeVisible();
  // A long refusal of the quantity reads under the whole row, not in the narrow Quantité column.
  await picker.fill('goutte epaisse');
  await picker.press('Enter');
  await page.getByLabel('Quantité').fill('5');
  await page.getByRole('button', { name: 'Ajouter', exact: true }).click();
  const quantityError = page.locator('#add-line-quantity-error');
  await expect(quantityError).toContainText('limité à 2 par épisode');
  await expect(page.getByText('limité à 2 par épisode')).toHaveCount(1); // not repeated by the price preview
  expect((await quantityError.boundingBox())!.height).toBeLessThan(50);
  await expect(page.getByLabel('Quantité')).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: screenshotPath('episode-quantity-error.png') });
  await page.getByLabel('Quantité').fill('1');
  await picker.fill('');

  const lines = page.getByRole('table', { name: 'Prestations de l’épisode' });
  await lines.getByRole('button', { name: /Annuler la ligne Injection/ }).click();
  await page.getByLabel('Motif de l’annulation').fill('Injection non réalisée');
  await page.getByRole('button', { name: 'Confirmer l’annulation' }).click();
  await expect(total).toContainText(/1\s000 FCFA/);
  await expect(lines).toContainText('Annulée : Injection non réalisée');
  await expect(lines.getByRole('row')).toHaveCount(6);
  await page.locator('main.content').evaluate((main) => main.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('episode-ouvert.png') });

  await page.getByLabel('Diagnostic', { exact: true }).fill('Paludisme simple');
  await page.getByLabel('Code CIM-10 (facultatif)').fill('B54');
  await page.getByLabel('Issue').selectOption('gueri');
  await page.getByRole('button', { name: 'Clore l’épisode' }).click();
  await expect(page.getByRole('alert')).toContainText(/total RAMED de 1\s000 FCFA/);
  await page.getByRole('button', { name: 'Confirmer la clôture' }).click();
  await expect(page.getByRole('status')).toContainText('figé pour la réclamation');
  await expect(total).toContainText(/1\s000 FCFA/);
  await expect(page.getByRole('region', { name: 'Patient et épisode' })).toContainText('Clos');
  await expect(picker).toHaveCount(0);
  await page.locator('main.content').evaluate((main) => main.scrollTo(0, 0));
  await page.screenshot({ path: screenshotPath('episode-clos.png') });

  await page.getByRole('button', { name: '← Retour à la liste' }).click();
  const row = list.getByRole('row', { name: new RegExp(number) });
  await expect(row).toContainText('Clos');
  await expect(row).toContainText(/1\s000 FCFA/);
});

test('the episodes list filters and pages on the server', async ({ page, demoHost }) => {
  let total = 0;
  let patient = { filter: '', shown: '' };
  await withCore(demoHost, async (core) => {
    await insertPersons(
      core.deps.handle.db,
      [
        ['Coulibaly', 'Moussa', 'M', '1971-05-02'],
        ['Diarra', 'Fatoumata', 'F', '1996-08-19'],
        ['Keïta', 'Sékou', 'M', '2019-01-01'],
        ['Sangaré', 'Mariam', 'F', '2001-11-30'],
        ['Dembélé', 'Oumar', 'M', '1958-02-14'],
        ['Touré', 'Kadiatou', 'F', '1989-06-07'],
        ['Maïga', 'Ibrahim', 'M', '2012-09-21'],
        ['Sidibé', 'Awa', 'F', '1999-04-03'],
      ].map(([family, given, sex, birth], i) => ({
        ...somePerson(i + 10, family, given),
        sex: sex as 'M' | 'F',
        birth_date: birth,
        valid_to: `${Number(demoHost.month.slice(0, 4)) + 2}-12-31`,
      })),
    );
    await demoEpisodes.run({ deps: core.deps, options: { month: demoHost.month, episodes: 60 }, accounts: [], note: () => {} });
    // Added to the demo's own episodes (for the persons of its sample registry).
    total = Number(
      (
        await core.deps.handle.db
          .selectFrom('episode')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    // Episodes fall on persons at random: the filter uses one of this test's persons that has
    // several (the sort by number below needs at least two rows), whatever the day and hour.
    const someone = await core.deps.handle.db
      .selectFrom('episode')
      .innerJoin('person', 'person.id', 'episode.person_id')
      .select(['person.family_name', 'person.given_names'])
      .where(
        'person.recepisse',
        'in',
        Array.from({ length: 8 }, (_, i) => somePerson(i + 10, '', '').recepisse),
      )
      .groupBy(['person.id', 'person.family_name', 'person.given_names'])
      .having((eb) => eb.fn.countAll(), '>=', 2)
      .orderBy('person.id')
      .executeTakeFirstOrThrow();
    patient = {
      filter: `${someone.family_name} ${someone.given_names}`,
      shown: `${someone.family_name.toUpperCase()} ${someone.given_names}`,
    };
  });
  const pages = Math.ceil(total / 15);

  await loginAs(page, demoHost, 'accueil');
  await page.getByRole('tab', { name: 'Épisodes' }).click();
  const list = page.getByRole('table', { name: 'Épisodes' });
  await expect(page.getByText(`${new Intl.NumberFormat('fr-FR').format(total)} ligne(s)`)).toBeVisible();
  await expect(page.getByText(`Page 1 sur ${pages}`)).toBeVisible();
  // One total for every episode the filters select, all pages together.
  await expect(
    page.getByText(
      new RegExp(
        `^Total de ces ${new Intl.NumberFormat('fr-FR').format(total)} épisode\\(s\\) : [\\d\\s\u202f]+ FCFA à la charge du RAMED`,
      ),
    ),
  ).toBeVisible();
  await page.screenshot({ path: screenshotPath('episodes-liste.png') });

  await page.getByRole('button', { name: 'Suivante ›' }).click();
  await expect(page.getByText(`Page 2 sur ${pages}`)).toBeVisible();
  await page.getByLabel('Statut').selectOption('ouvert');
  await expect(page.getByText(/^[\d\s\u202f]+ ligne\(s\)$/)).not.toHaveText(`${new Intl.NumberFormat('fr-FR').format(total)} ligne(s)`);
  for (const cell of await list.getByRole('row').locator('td:nth-child(6)').allTextContents()) expect(cell).toBe('Ouvert');

  await page.getByLabel('Statut').selectOption('');
  await page.getByLabel('Patient').fill(patient.filter);
  const names = () => list.getByRole('row').locator('td:nth-child(3)').allTextContents();
  await expect.poll(async () => new Set(await names())).toEqual(new Set([patient.shown]));

  await list.getByRole('button', { name: 'N° d’épisode' }).click();
  // The server answers the new order a moment after the click.
  const numbers = () => list.getByRole('row').locator('td:nth-child(1)').allTextContents();
  const ascending = async () => {
    const shown = await numbers();
    return shown.length > 1 && shown.join() === [...shown].sort().join();
  };
  await expect.poll(ascending).toBe(true);
});

test('the administrator imports the reference lists and sees the line errors', async ({ page, demoHost }, testInfo) => {
  await loginAs(page, demoHost, 'admin');
  await page.getByRole('tab', { name: 'Tarifs et médicaments' }).click();
  const tariffs = page.getByRole('table', { name: 'Tarifs en vigueur' });
  await expect(tariffs.getByRole('row').first()).toBeVisible();
  await page.getByRole('searchbox', { name: 'Filtrer : Tarifs en vigueur' }).fill('lunettes');
  await expect(tariffs).toContainText('Exclu (lunettes)');

  const bad = testInfo.outputPath('tarifs.csv');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(
    bad,
    [
      'code;libelle;categorie;niveaux;prix;debut_effet',
      'CS-CUR;Consultation curative;consultation;cscom;750;2026-12-01',
      'LB-XX;Examen;labo;cscom;1 000;2026-12-01',
      'CS-CUR;Consultation curative;consultation;cscom;800;2024-01-01',
    ].join('\n'),
  );
  await page.getByLabel('Fichier : Liste des tarifs').setInputFiles(bad);
  await page.getByRole('form', { name: 'Liste des tarifs' }).getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByRole('alert')).toContainText('Fichier refusé : 2 ligne(s) à corriger. Rien n’a été importé.');
  const errors = page.getByRole('table', { name: 'Lignes refusées : Liste des tarifs' });
  await expect(errors).toContainText('catégorie « labo » invalide');
  await expect(errors).toContainText('prix : 500 → 800');
  await page.screenshot({ path: screenshotPath('tarifs-import-erreurs.png') });

  const good = testInfo.outputPath('tarifs-corriges.csv');
  writeFileSync(
    good,
    ['code;libelle;categorie;niveaux;prix;debut_effet', 'CS-CUR;Consultation curative;consultation;cscom;750;2026-01-01'].join('\n'),
  );
  await page.getByLabel('Fichier : Liste des tarifs').setInputFiles(good);
  await page.getByRole('form', { name: 'Liste des tarifs' }).getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByRole('status')).toContainText('1 nouvelle(s) version(s), 0 déjà enregistrée(s), 1 période(s) close(s)');
  await page.getByRole('searchbox', { name: 'Filtrer : Tarifs en vigueur' }).fill('CS-CUR');
  await expect(tariffs.getByRole('row', { name: /CSCOM/ })).toContainText('750 FCFA');
  await page.getByRole('button', { name: /Médicaments/ }).click();
  await expect(page.getByRole('table', { name: 'Médicaments en vigueur' })).toContainText('Amoxicilline');
});

test('the manager reopens a closed episode with a reason, kept in its history', async ({ page, demoHost }) => {
  const number = await withCore(demoHost, async (core) => {
    const [personId] = await insertPersons(core.deps.handle.db, [
      { ...somePerson(99, 'Konaté', 'Bakary'), sex: 'M', birth_date: '1980-07-15' },
    ]);
    const w = actingAs(core.deps, 'accueil');
    const episode = await createEpisode(w, {
      personId: personId!,
      type: 'urgence',
      emergency: true,
      identityDocument: 'recepisse_seul',
      identityMatches: true,
      eligibility: { eligible: true, reasons: [], warnings: [] },
    });
    const today = core.deps.clock.now().toISOString().slice(0, 10);
    await addLine(w, { episodeId: episode.id, code: 'CS-URG', quantity: 1, performedOn: today, prescriber: 'Dr Maïga' });
    await addLine(w, { episodeId: episode.id, code: 'CH-SUT', quantity: 1, performedOn: today, prescriber: 'Dr Maïga' });
    await closeEpisode(w, { episodeId: episode.id, endedOn: today, diagnosis: 'Plaie de la main', icd10: 'S61.9', outcome: 'gueri' });
    return episode.number;
  });

  await loginAs(page, demoHost, 'gestionnaire');
  await page.getByLabel('Patient').fill(number);
  await page
    .getByRole('table', { name: 'Épisodes' })
    .getByRole('row', { name: new RegExp(number) })
    .press('Enter');
  await expect(page.getByRole('status')).toContainText('figé pour la réclamation');
  // Nothing refused before a reason is written: the button waits for one, and no claim is named.
  await expect(page.getByRole('button', { name: 'Rouvrir l’épisode' })).toBeDisabled();
  await expect(page.getByText('Indiquez le motif')).toHaveCount(0);
  await expect(page.getByRole('note')).toHaveCount(0);
  await page.getByLabel('Motif de la réouverture').fill('Radiographie de la main oubliée');
  await page.getByRole('button', { name: 'Rouvrir l’épisode' }).click();
  await expect(page.getByRole('region', { name: 'Patient et épisode' })).toContainText('Ouvert');
  await expect(page.getByRole('region', { name: 'Historique de l’épisode' })).toContainText(
    'Réouverture par gestionnaire — motif : Radiographie de la main oubliée',
  );
  await expect(page.getByRole('combobox', { name: 'Acte (code ou libellé)' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: 'Épisodes' })).toBeVisible();
});

test('reopening an episode of a signed claim says the claim keeps its signed version', async ({ page, demoHost }) => {
  const claimed = await withCore(demoHost, (core) =>
    core.deps.handle.db
      .selectFrom('claim_episode')
      .innerJoin('claim', 'claim.id', 'claim_episode.claim_id')
      .innerJoin('episode', 'episode.id', 'claim_episode.episode_id')
      .select(['episode.number', 'claim.month', 'claim.version'])
      .where('claim.status', '!=', 'brouillon')
      .where('episode.status', '=', 'clos')
      .orderBy('claim.version', 'desc')
      .executeTakeFirstOrThrow(),
  );
  await loginAs(page, demoHost, 'gestionnaire');
  // By its number: the patient's own récépissé can hold more episodes than one page shows.
  await page.getByLabel('Patient').fill(claimed.number);
  await page
    .getByRole('table', { name: 'Épisodes' })
    .getByRole('row', { name: new RegExp(claimed.number) })
    .press('Enter');
  const note = page.getByRole('note');
  await expect(note).toContainText(`version ${claimed.version}`);
  await expect(note).toContainText('ne change pas cette version signée');
  await expect(page.getByRole('button', { name: 'Rouvrir l’épisode' })).toBeDisabled();
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('episode-reopen-claimed.png') });
});
