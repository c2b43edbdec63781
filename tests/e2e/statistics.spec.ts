import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { openCore } from '../../electron/core/app';
import { demoEpisodes } from '../../electron/core/demo/episodes';
import { silentLogger } from '../../electron/core/logger';
import type { StatisticsReport } from '../../shared/domain/statistics';
import { answerClaim } from '../support/claim-answers';
import { expect, loginAs, monthBefore, test, type Host, screenshotPath } from './fixtures';

/**
 * Last month filled with the demo's episodes (it has ended, whatever the day: its claim can be built),
 * its claim signed, and the ANAM's answer to most of it: a line in ten refused.
 */
async function claimAnswered(host: Host, month: string): Promise<void> {
  const core = await openCore({ db: host.db, log: silentLogger });
  try {
    await demoEpisodes.run({ deps: core.deps, options: { month, episodes: 60 }, accounts: [], note: () => {} });
  } finally {
    await core.close();
  }
  for (const step of ['build', 'sign']) expect((await host.cli('claims', step, '--month', month)).code).toBe(0);
  const answering = await openCore({ db: host.db, log: silentLogger });
  try {
    const db = answering.deps.handle.db;
    const claim = await db
      .selectFrom('claim')
      .select('id')
      .where('month', '=', month)
      .where('status', '=', 'signee')
      .executeTakeFirstOrThrow();
    let n = 0;
    const reasons = [
      { code: 'PATIENT_NOT_ELIGIBLE', text: 'Patient non couvert à la date des soins' },
      { code: 'NOT_IN_TARIFF', text: 'Acte hors nomenclature du niveau' },
      { code: 'DUPLICATE_ACT', text: 'Acte facturé deux fois' },
    ];
    await answerClaim(
      db,
      claim.id,
      (_episode, item) => {
        n++;
        if (n % 10 === 3) return { accepted: 0, reason: reasons[n % 3]! };
        return { accepted: item.net };
      },
      (episode) => !episode.endsWith('7'),
    );
  } finally {
    await answering.close();
  }
}

test('the manager reads the month and the year, downloads a table and the district report', async ({ page, demoHost }, info) => {
  test.setTimeout(150_000);
  // This month's activity (desk refusals, stock-outs, dispensings) is the demo's; last month, ended
  // whatever the day, is claimed and answered by the ANAM.
  const month = demoHost.month;
  const claimed = monthBefore(month, 1);
  await claimAnswered(demoHost, claimed);
  const reportOf = async (m: string) =>
    (JSON.parse((await demoHost.cli('stats', '--month', m, '--json')).stdout) as { report: StatisticsReport }).report;
  const report = await reportOf(month);
  const claimedReport = await reportOf(claimed);

  await loginAs(page, demoHost, 'gestionnaire');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Statistiques' }).click();
  await expect(page.getByRole('heading', { name: `Statistiques RAMED — ${report.label}` })).toBeVisible();

  const cards = page.getByRole('list', { name: 'Chiffres clés' });
  const card = (label: string) => cards.getByRole('listitem').filter({ hasText: label });
  await expect(card('Patients RAMED vus')).toContainText(String(report.patients.seen));
  await expect(card('Épisodes de soins')).toContainText(String(report.episodes));
  await expect(card('Refus d’éligibilité')).toContainText(String(report.eligibility.refused));
  await expect(card('Payé par l’ANAM')).toContainText('Aucun paiement enregistré');

  // Every chart has its table.
  for (const title of [
    'Épisodes par type',
    'Médicaments dispensés',
    'Refus d’éligibilité par motif',
    'Ruptures de stock et demande non satisfaite',
  ]) {
    const section = page.getByRole('region', { name: title });
    await expect(section.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await expect(section.getByRole('table', { name: title })).toBeVisible();
  }
  const types = page.getByRole('table', { name: 'Épisodes par type' });
  await expect(types.getByRole('row', { name: /Consultation externe/ })).toContainText(
    String(report.episodeTypes.find((t) => t.type === 'consultation_externe')!.episodes),
  );

  // 1366 × 768: nothing wider than the window.
  const overflow = await page.locator('main.content').evaluate((main) => main.scrollWidth - main.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: screenshotPath('statistiques-mois.png') });

  const download = async (button: ReturnType<typeof page.getByRole>) => {
    const event = page.waitForEvent('download');
    await button.click();
    const file = await event;
    const path = info.outputPath(file.suggestedFilename());
    await file.saveAs(path);
    return { path, name: file.suggestedFilename() };
  };
  const csv = await download(page.getByRole('region', { name: 'Médicaments dispensés' }).getByRole('button', { name: 'Exporter en CSV' }));
  expect(csv.name).toBe(`statistiques-${month}-medicaments.csv`);
  const content = readFileSync(csv.path, 'utf8');
  expect(content.startsWith('\uFEFF')).toBe(true);
  const lines = content.trim().split('\n');
  // The RAMED's part, then one column per free-care programme that paid for medicines (the demo's malaria cases), then all dispensed.
  expect(lines[0]).toBe(
    [
      'DCI;Forme et dosage;Lignes;Quantité;RAMED (FCFA)',
      ...report.medicinePayers.map((code) => `Programme ${code} (FCFA)`),
      'Montant (FCFA)',
    ].join(';'),
  );
  expect(lines).toHaveLength(report.medicines.length + 1);

  // Last month: what the ANAM refused of its claim.
  await page.locator('main.content').evaluate((main) => main.scrollTo(0, 0));
  await page.getByLabel('Mois', { exact: true }).selectOption(claimed);
  await expect(page.getByRole('heading', { name: `Statistiques RAMED — ${claimedReport.label}` })).toBeVisible();
  await expect(card('Épisodes de soins')).toContainText(String(claimedReport.episodes));
  await expect(card('Rejeté par l’ANAM')).not.toContainText('—');
  await page.getByRole('region', { name: 'Réclamations à l’ANAM' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('statistiques-reclamations.png') });
  await page.getByRole('region', { name: 'Motifs de rejet de l’ANAM' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('statistiques-refus.png') });

  const pdf = await download(page.getByRole('button', { name: 'Rapport mensuel (PDF)' }));
  const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
  expect(text).toContain(`Rapport mensuel RAMED – ${claimedReport.label}`);
  expect(text).toContain('CSCOM de Banconi');
  expect(text).toContain('Page 1/1');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-singlefile', pdf.path, screenshotPath('statistiques-rapport-mensuel')]);

  // The year, month by month.
  await page.locator('main.content').evaluate((main) => main.scrollTo(0, 0));
  await page.getByRole('button', { name: 'Année', exact: true }).click();
  await expect(page.getByRole('heading', { name: `Statistiques RAMED — année ${month.slice(0, 4)}` })).toBeVisible();
  const months = page.getByRole('table', { name: 'Activité mois par mois' });
  await expect(months.locator('tbody tr')).toHaveCount(12);
  await expect(page.getByRole('button', { name: 'Rapport mensuel (PDF)' })).toHaveCount(0);
  await page.screenshot({ path: screenshotPath('statistiques-annee.png') });
});
