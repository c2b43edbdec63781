import { execFileSync } from 'node:child_process';
import { expect, loginAs, test, screenshotPath } from './fixtures';

// The demo registry (resources/registre-exemple-illustratif.csv): Mamadou Diarra's récépissé ran out in 2023.
test('the desk: a person without rights, a request for registration, an emergency admission out of the registry, flagged', async ({
  page,
  demoHost,
}) => {
  await loginAs(page, demoHost, 'accueil');
  const field = page.getByLabel('Récépissé (tapé ou scanné, puis Entrée) ou nom');
  const verdict = page.getByRole('region', { name: 'Résultat de la vérification' });

  // Absent from the registry: the request, and the emergency admission is offered too (next test).
  await field.fill('1101 0000 99990');
  await field.press('Enter');
  await expect(verdict.getByRole('status')).toHaveText('✘ NON ÉLIGIBLE');
  await page.getByRole('button', { name: 'Demande d’immatriculation…' }).click();
  const requestForm = page.getByRole('form', { name: 'Demande d’immatriculation' });
  await expect(requestForm.getByLabel('Nom', { exact: true })).toBeFocused();
  await requestForm.getByRole('button', { name: 'Enregistrer la demande' }).click();
  await expect(requestForm.getByText('Nom : obligatoire', { exact: true })).toBeVisible();
  await requestForm.getByLabel('Nom', { exact: true }).fill('Sidibé');
  await requestForm.getByLabel('Prénoms').fill('Kadiatou');
  await requestForm.getByLabel('Sexe').selectOption('F');
  await requestForm.getByLabel('Naissance (JJ/MM/AAAA, ou l’année seule)').fill('1988');
  await requestForm.getByLabel('Commune').fill('Kati');
  await requestForm.getByLabel('Téléphone').press('Enter');
  const saved = page.getByRole('form', { name: 'Admission en urgence hors registre' });
  await expect(saved.getByRole('status')).toContainText(/Demande d’immatriculation n° \d+ enregistrée/);
  await expect(saved).toContainText('Récépissé absent du registre local');

  // Expired: the request pre-filled from the registry, then the emergency admission, on purpose.
  await field.press('Escape');
  await field.fill('1101000000108');
  await field.press('Enter');
  await expect(verdict.getByRole('list', { name: 'Motifs' })).toContainText('Récépissé expiré');
  await page.getByRole('button', { name: 'Demande d’immatriculation…' }).click();
  await expect(requestForm.getByLabel('Nom', { exact: true })).toHaveValue('Diarra');
  // The demo shifts the registry's dates with its day: a year alone (« né vers »), whatever it is.
  await expect(requestForm.getByLabel('Naissance (JJ/MM/AAAA, ou l’année seule)')).toHaveValue(/^\d{4}$/);
  await requestForm.getByLabel('Téléphone').fill('+223 79 01 22 63');
  await page.screenshot({ path: screenshotPath('accueil-demande-immatriculation.png'), fullPage: true });
  await requestForm.getByRole('button', { name: 'Enregistrer la demande' }).click();
  const emergency = page.getByRole('form', { name: 'Admission en urgence hors registre' });
  await expect(emergency.getByLabel('Motif de l’admission en urgence')).toBeFocused();
  await emergency.getByLabel('Motif de l’admission en urgence').fill('Détresse respiratoire, amené par sa famille');
  await page.screenshot({ path: screenshotPath('accueil-urgence-hors-registre.png'), fullPage: true });
  await emergency.getByRole('button', { name: 'Admettre en urgence (hors registre)' }).click();
  const admitted = page.getByRole('status').filter({ hasText: 'Admis : épisode' });
  await expect(admitted).toContainText(/EP-\d{4}-\d{6}/);
  const number = /EP-\d{4}-\d{6}/.exec((await admitted.textContent())!)![0];

  // The slip says it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Imprimer la fiche d’admission' }).click();
  const slip = test.info().outputPath('fiche.pdf');
  await (await download).saveAs(slip);
  const text = execFileSync('pdftotext', ['-layout', slip, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(number);
  expect(text).toMatch(
    /ADMIS EN URGENCE HORS REGISTRE \(demande d’immatriculation n° \d+\) : à régulariser au plus tard le \d{2}\/\d{2}\/\d{4}/,
  );
  expect(text).toContain('Détresse respiratoire');

  // And so does the episode.
  await page.getByRole('button', { name: 'Ouvrir l’épisode' }).click();
  const flag = page.getByRole('note', { name: 'Admission en urgence hors registre' });
  await expect(flag).toContainText(/Admis en urgence hors registre \(demande n° \d+\) : à régulariser au plus tard le \d{2}\/\d{2}\/\d{4}/);
  await page.screenshot({ path: screenshotPath('episode-hors-registre.png') });
});

// A récépissé the local registry holds no row for: the episode is named by the registration request until an import brings it.
test('the desk: an emergency admitted although the registry holds no row for the récépissé, named by its request', async ({
  page,
  demoHost,
}) => {
  await loginAs(page, demoHost, 'accueil');
  const field = page.getByLabel('Récépissé (tapé ou scanné, puis Entrée) ou nom');
  const verdict = page.getByRole('region', { name: 'Résultat de la vérification' });
  await field.fill('1101000099991');
  await field.press('Enter');
  await expect(verdict.getByRole('status')).toHaveText('✘ NON ÉLIGIBLE');
  await page.getByRole('button', { name: 'Demande d’immatriculation…' }).click();
  const requestForm = page.getByRole('form', { name: 'Demande d’immatriculation' });
  await requestForm.getByLabel('Nom', { exact: true }).fill('Sidibé');
  await requestForm.getByLabel('Prénoms').fill('Kadiatou');
  await requestForm.getByLabel('Sexe').selectOption('F');
  await requestForm.getByLabel('Naissance (JJ/MM/AAAA, ou l’année seule)').fill('12/03/1988');
  await requestForm.getByLabel('Commune').fill('Kati');
  await requestForm.getByLabel('Téléphone').press('Enter');
  const emergency = page.getByRole('form', { name: 'Admission en urgence hors registre' });
  await expect(emergency).toContainText('Récépissé absent du registre local');
  const reason = emergency.getByLabel('Motif de l’admission en urgence');
  await expect(reason).toBeFocused();
  await reason.fill('Accident de moto, inconsciente');
  await page.screenshot({ path: screenshotPath('accueil-urgence-absent-du-registre.png'), fullPage: true });
  await reason.press('Enter');
  const admitted = page.getByRole('status').filter({ hasText: 'Admis : épisode' });
  await expect(admitted).toContainText(/EP-\d{4}-\d{6}/);
  const number = /EP-\d{4}-\d{6}/.exec((await admitted.textContent())!)![0];

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Imprimer la fiche d’admission' }).click();
  const slip = test.info().outputPath('fiche.pdf');
  await (await download).saveAs(slip);
  const text = execFileSync('pdftotext', ['-layout', slip, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain(number);
  expect(text).toContain('SIDIBÉ Kadiatou');
  expect(text).toContain('Absent du registre (demande d’immatriculation)');
  expect(text).toMatch(
    /ADMIS EN URGENCE HORS REGISTRE \(demande d’immatriculation n° \d+\) : à régulariser au plus tard le \d{2}\/\d{2}\/\d{4}/,
  );

  await page.getByRole('button', { name: 'Ouvrir l’épisode' }).click();
  await expect(page.getByText('SIDIBÉ Kadiatou').first()).toBeVisible();
  await expect(page.getByText('Absent du registre (demande d’immatriculation)')).toBeVisible();
  await expect(page.getByRole('note', { name: 'Admission en urgence hors registre' })).toContainText(
    /Admis en urgence hors registre \(demande n° \d+\) : à régulariser au plus tard le \d{2}\/\d{2}\/\d{4}/,
  );
  await page.screenshot({ path: screenshotPath('episode-absent-du-registre.png') });
});
