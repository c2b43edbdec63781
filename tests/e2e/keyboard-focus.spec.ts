import type { Locator, Page } from '@playwright/test';
import { openCore, type Core } from '../../electron/core/app';
import { demoEpisodes } from '../../electron/core/demo/episodes';
import { createEpisode } from '../../electron/core/episodes/create';
import { actingAs } from '../../electron/core/service-context';
import { silentLogger } from '../../electron/core/logger';
import { insertPersons } from '../support/persons';
import { expect, loginAs, monthBefore, screenshotPath, test, type Host } from './fixtures';

// Issue #21: after each action the focus goes somewhere sensible (the next field, the new row, the
// heading of what opened), never to the page body; every step here is done from the keyboard.

// The demo host alone takes tens of seconds on a busy machine, and its set-up counts in the timeout.
test.describe.configure({ timeout: 180_000 });

async function withCore<T>(host: Host, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ db: host.db, log: silentLogger });
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

/** What holds the focus, as the agent would name it; « body » is the page itself (focus lost). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return `${el.tagName.toLowerCase()} « ${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)} »`;
  });

/** The focus is on `target` once the action is done, and still there once the screen has reloaded what changed. */
async function focusStaysOn(page: Page, target: Locator, settled: () => Promise<void>) {
  await expect(target).toBeFocused();
  await settled();
  await expect(target).toBeFocused();
  expect(await focused(page)).not.toBe('body');
}

test('reception by keyboard: name list, admission and slip, the same-day warning, an episode opened, a line cancelled', async ({
  page,
  demoHost,
}) => {
  await loginAs(page, demoHost, 'accueil');
  const field = page.getByLabel('Récépissé (tapé ou scanné, puis Entrée) ou nom');
  await expect(field).toBeFocused();

  // Picking from the name list: the arrows walk the rows (outlined, not the hover's tint), Enter picks.
  await page.keyboard.type('coulibaly bakary');
  const found = page.getByRole('table', { name: 'Personnes trouvées' });
  const person = found.locator('tbody tr').filter({ hasText: '1101 0000 00017' });
  await expect(person).toBeVisible();
  await page.keyboard.press('ArrowDown');
  for (let i = 0; i < 20 && !(await person.evaluate((row) => row === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(person).toBeFocused();
  expect(await person.evaluate((row) => getComputedStyle(row).outlineStyle)).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Résultat de la vérification' }).getByRole('status')).toHaveText('✔ ÉLIGIBLE');
  await expect(page.getByLabel('Pièce présentée')).toBeFocused();

  // Admitting prints the slip; its button keeps the focus, and again when printed once more.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('La pièce correspond')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const slip = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await slip;
  const print = page.getByRole('button', { name: 'Imprimer la fiche d’admission' });
  await focusStaysOn(page, print, () => expect(print).toHaveText('Imprimer la fiche d’admission'));
  const again = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  await again;
  await focusStaysOn(page, print, () => expect(print).toHaveText('Imprimer la fiche d’admission'));
  const number = /EP-\d{4}-\d{6}/.exec((await page.getByRole('status').filter({ hasText: 'Admis : épisode' }).textContent())!)![0];

  // Opening the episode: its patient's name takes the focus.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Ouvrir l’épisode', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  const patient = page.getByRole('heading', { name: 'COULIBALY Bakary' });
  await focusStaysOn(page, patient, () => expect(page.getByRole('region', { name: 'Patient et épisode' })).toContainText(number));
  await page.screenshot({ path: screenshotPath('focus-episode-ouvert.png') });

  // An act added, then cancelled: the form goes, the lines' heading takes the focus.
  const picker = page.getByRole('combobox', { name: 'Acte (code ou libellé)' });
  await picker.focus();
  await page.keyboard.type('cs-cur');
  await page.keyboard.press('Enter');
  await page.getByLabel('Prescripteur').focus();
  await page.keyboard.type('Dr Sidibé');
  await page.keyboard.press('Enter');
  const lines = page.getByRole('table', { name: 'Prestations de l’épisode' });
  await expect(lines.getByRole('button', { name: /^Annuler la ligne/ })).toHaveCount(1);
  await expect(picker).toBeFocused();
  await lines.getByRole('button', { name: /^Annuler la ligne/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Motif de l’annulation')).toBeFocused();
  await page.keyboard.type('Acte saisi en double');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: 'Prestations', exact: true });
  await focusStaysOn(page, heading, () => expect(lines.locator('tbody tr')).toHaveCount(2));

  // Back to the desk (Escape): the search field; Escape again clears it. The same person again is
  // warned, the earlier episode one key away.
  await page.keyboard.press('Escape');
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(field).toHaveValue('');
  await page.keyboard.type('1101000000017');
  await page.keyboard.press('Enter');
  const open = page.getByRole('button', { name: `Ouvrir l’épisode ${number}` });
  await focusStaysOn(page, open, () => expect(page.getByRole('alert').filter({ hasText: 'Déjà admis aujourd’hui' })).toBeVisible());
  await page.keyboard.press('Enter');
  await focusStaysOn(page, patient, () => expect(page.getByRole('region', { name: 'Patient et épisode' })).toContainText(number));

  // From the episodes list: the row has the keyboard's outline (the hovered one only a tint), Enter opens it.
  await page.keyboard.press('Escape');
  await expect(field).toBeFocused();
  await page.getByRole('tab', { name: 'Épisodes' }).focus();
  await page.keyboard.press('Enter');
  const rows = page.getByRole('table', { name: 'Épisodes' }).locator('tbody tr');
  await expect(rows.nth(1)).toBeVisible();
  await rows.nth(1).hover();
  await rows.first().focus();
  const look = (row: Locator) => row.evaluate((r) => `${getComputedStyle(r).outlineStyle} ${getComputedStyle(r).backgroundColor}`);
  const [keyboardRow, hoveredRow] = [await look(rows.first()), await look(rows.nth(1))];
  expect(keyboardRow.startsWith('solid')).toBe(true);
  expect(hoveredRow.startsWith('none')).toBe(true);
  await page.screenshot({ path: screenshotPath('focus-ligne-clavier.png') });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Patient et épisode' }).locator('.patient-name')).toBeFocused();
});

test('pharmacy by keyboard: the episode scanned, a medicine dispensed, the line cancelled', async ({ page, demoHost }) => {
  await withCore(demoHost, async (core) => {
    const [personId] = await insertPersons(core.deps.handle.db, [
      { recepisse: '4441234567899', family_name: 'Diarra', given_names: 'Fanta', sex: 'F', birth_date: '1985-03-02' },
    ]);
    await createEpisode(actingAs(core.deps, 'accueil'), {
      personId: personId!,
      type: 'consultation_externe',
      identityDocument: 'recepisse_seul',
      identityMatches: true,
      eligibility: { eligible: true, reasons: [], warnings: [] },
    });
  });
  await loginAs(page, demoHost, 'pharmacie');
  await expect(page.getByLabel('Récépissé ou numéro d’épisode')).toBeFocused();
  await page.keyboard.type('4441234567899');
  await page.keyboard.press('Enter');

  // The episode found: the medicine picker is next.
  const picker = page.getByLabel('Médicament (DCI)');
  await focusStaysOn(page, picker, () => expect(page.getByRole('heading', { name: /DIARRA Fanta/ })).toBeVisible());
  await page.keyboard.type('amoxicilline — gélule');
  await page.keyboard.press('Enter');
  await expect(picker).toHaveValue(/^Amoxicilline — gélule 500 mg/);
  await page.getByLabel('Quantité').focus();
  await page.keyboard.type('10');
  await page.getByLabel('Prescripteur').focus();
  await page.keyboard.type('Dr Sidibé');
  await page.keyboard.press('Enter');

  // Dispensed: back to the picker for the next medicine, also once the lines have reloaded.
  const lines = page.getByRole('table', { name: 'Médicaments dispensés' });
  const cancels = lines.getByRole('button', { name: /^Annuler la ligne/ });
  await focusStaysOn(page, picker, () => expect(cancels.first()).toBeVisible());
  await expect(page.getByRole('status').filter({ hasText: 'dispensé(s)' })).toContainText('10 gélules');
  // Ten units may come from two lots (first expired, first out): one line each.
  const given = await lines.locator('tbody tr').count();

  // Cancelled: the form goes, the lines' heading takes the focus (the line's own button is gone).
  await cancels.first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Motif de l’annulation')).toBeFocused();
  await page.keyboard.type('Quantité saisie par erreur');
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: 'Médicaments dispensés' });
  await focusStaysOn(page, heading, () => expect(lines.locator('tbody tr')).toHaveCount(given + 1));
  await expect(cancels).toHaveCount(given - 1);
});

test('claims by keyboard: a line excluded, an exclusion given up; the list totals every money column', async ({ page, demoHost }) => {
  const month = monthBefore(demoHost.month, 2);
  await withCore(demoHost, async (core) => {
    await insertPersons(
      core.deps.handle.db,
      Array.from({ length: 40 }, (_, i) => ({
        recepisse: String(1112000000000 + i),
        family_name: ['Touré', 'Maïga', 'Cissé', 'Sissoko'][i % 4]!,
        given_names: ['Awa', 'Moussa', 'Oumou', 'Drissa'][i % 4]!,
        sex: i % 2 ? ('F' as const) : ('M' as const),
        birth_date: `${1960 + i}-05-10`,
      })),
    );
    await demoEpisodes.run({ deps: core.deps, options: { month, episodes: 12 }, accounts: [], note: () => {} });
  });
  await loginAs(page, demoHost, 'gestionnaire');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Réclamations' }).focus();
  await page.keyboard.press('Enter');
  const monthField = page.getByLabel('Mois (MM/AAAA)');
  await monthField.focus();
  await monthField.fill(month);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /version 1/ })).toBeVisible({ timeout: 30_000 });

  const claimLines = page.getByRole('table', { name: /Lignes de la réclamation/ });
  await claimLines
    .getByRole('button', { name: /^Exclure la ligne/ })
    .first()
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Motif de l’exclusion')).toBeFocused();
  await page.keyboard.type('Acte saisi deux fois');
  await page.keyboard.press('Enter');
  const exclusions = page.getByRole('heading', { name: /^Exclusions \(/ });
  await focusStaysOn(page, exclusions, () =>
    expect(page.getByRole('table', { name: 'Exclusions en vigueur' })).toContainText('Acte saisi deux fois'),
  );

  // Given up with Escape: back to the heading of the table it was asked from.
  await claimLines
    .getByRole('button', { name: /^Exclure la ligne/ })
    .first()
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Motif de l’exclusion')).toBeFocused();
  await page.keyboard.press('Escape');
  await focusStaysOn(page, page.getByRole('heading', { name: 'Lignes de la réclamation' }), async () => {
    await expect(page.getByLabel('Motif de l’exclusion')).toHaveCount(0);
  });

  // The list: every money column has its total (the demo's month claimed, answered and paid in part).
  await page.keyboard.press('Escape');
  const list = page.getByRole('table', { name: 'Réclamations mensuelles' });
  const totals = list.locator('tfoot th');
  const headers = await list.locator('thead th').allTextContents();
  await expect(totals.first()).toHaveText('Total');
  for (const column of ['Réclamé', 'Accepté', 'Payé', 'Reste à payer']) {
    const at = headers.findIndex((h) => h.startsWith(column));
    await expect(totals.nth(at)).toHaveText(/^[\d\s\u202f]+ FCFA$/);
  }
  const claimed = headers.findIndex((h) => h.startsWith('Réclamé'));
  expect(await totals.nth(claimed).textContent()).not.toBe('0 FCFA');
  await page.screenshot({ path: screenshotPath('focus-reclamations-totaux.png') });
});
