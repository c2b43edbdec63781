import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core } from '../../electron/core/app';
import { demoEpisodes } from '../../electron/core/demo/episodes';
import { silentLogger } from '../../electron/core/logger';
import { clientFor, slotAs } from '../support/db';
import { anamResponse, responseBundle, sentClaims } from '../support/claim-responses';
import type { Page } from '@playwright/test';
import { frenchDate } from '../../shared/lib/dates';
import { frenchMonth } from '../../shared/lib/months';
import { claimTitle, expect, loginAs, monthBefore, test, today, type Host, screenshotPath } from './fixtures';

async function withCore<T>(host: Host, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ db: host.db, log: silentLogger });
  try {
    return await work(core);
  } finally {
    await core.close();
  }
}

test('the ANAM’s answer imported, a payment allocated, the rejected line resubmitted, the queue exported', async ({
  page,
  demoHost,
}, info) => {
  test.setTimeout(150_000);
  // A month of its own, two before the demo's: the demo claimed the fifth before and fills its own.
  const month = monthBefore(demoHost.month, 2);
  const monthName = frenchMonth(month);
  const followedUp = frenchMonth(monthBefore(demoHost.month, 5));
  await withCore(demoHost, (core) => demoEpisodes.run({ deps: core.deps, options: { month, episodes: 30 }, accounts: [], note: () => {} }));

  await loginAs(page, demoHost, 'gestionnaire');
  const status = page.getByRole('contentinfo', { name: 'État' });
  await expect(status).toContainText('0 réclamation(s) en attente d’envoi · dernier envoi réussi :');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Réclamations' }).click();

  // The demo's month sent five months ago: partly rejected, partly paid, highlighted past the delay.
  const list = page.getByRole('table', { name: 'Réclamations mensuelles' });
  const july = list.getByRole('row', { name: followedUp });
  await expect(july).toContainText('Partiellement rejetée');
  await expect(july).toContainText(/\d+ j, en retard/);
  await page.screenshot({ path: screenshotPath('claims-list-follow-up.png') });

  // The month is built and signed: one Claim per episode waits to be sent, and the status bar says so.
  await page.getByLabel('Mois (MM/AAAA)').fill(month);
  await page.getByRole('button', { name: 'Construire', exact: true }).click();
  await expect(page.getByRole('heading', { name: claimTitle(monthName, 1) })).toBeVisible();
  await page.getByRole('button', { name: 'Signer…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Signer la version 1' }).click();
  // A loaded machine may take a while to compose and queue the month.
  await expect(page.getByRole('dialog')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: claimTitle(monthName, 1) })).toContainText('Signée');
  const sent = await withCore(demoHost, async (core) => {
    const claim = await core.deps.handle.db.selectFrom('claim').select('id').where('month', '=', month).executeTakeFirstOrThrow();
    return sentClaims(core.deps.handle.db, claim.id);
  });
  await expect(status).toContainText(`${sent.length} réclamation(s) en attente d’envoi`);

  // The ANAM's answer comes back on a key: an act of the first Claim rejected, an amount cut on another.
  const rejected = sent.find((s) => s.items.some((item) => item.lineKey.startsWith('prestation:')))!;
  const rejectedItem = rejected.items.findLast((item) => item.lineKey.startsWith('prestation:'))!;
  const adjusted = sent.find((s) => s !== rejected && s.items.some((item) => item.amount >= 1000)) ?? sent.find((s) => s !== rejected)!;
  const big = adjusted.items.find((item) => item.amount >= 1000) ?? adjusted.items[0]!;
  const file = join(mkdtempSync(join(tmpdir(), 'ramed-e2e-reponse-')), `reponse-anam-${month}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      responseBundle(
        sent.map((s) =>
          s === rejected
            ? anamResponse(s, (seq) =>
                seq === s.items.length ? { reject: 'ORDONNANCE', text: 'Ordonnance absente du dossier transmis' } : 'ok',
              )
            : s === adjusted
              ? anamResponse(s, (seq) =>
                  seq === big.sequence ? { adjust: big.amount - 500, code: 'TARIF', text: 'Ramené au tarif conventionnel' } : 'ok',
                )
              : anamResponse(s),
        ),
      ),
    ),
  );
  await page.getByRole('button', { name: 'Importer une réponse…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Fichier de réponse de l’ANAM').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText(`${sent.length} réponse(s), ${sent.length} enregistrée(s), 0 déjà connue(s)`, {
    timeout: 30_000,
  });
  await expect(dialog).toContainText(`${monthName} v1 – Partiellement rejetée`);
  await dialog.getByRole('button', { name: 'Fermer', exact: true }).click();

  await expect(page.getByRole('heading', { name: claimTitle(monthName, 1) })).toContainText('Partiellement rejetée');
  const lines = page.getByRole('table', { name: 'Réponse par ligne' });
  await expect(lines.getByRole('row')).toHaveCount(3); // header, the rejected line, totals
  await expect(lines).toContainText('ORDONNANCE');
  await expect(lines).toContainText('Ordonnance absente du dossier transmis');
  await page.getByLabel('Lignes affichées').selectOption('ajustee');
  await expect(lines).toContainText('TARIF');
  await page.getByLabel('Lignes affichées').selectOption('rejetee');
  await page.getByRole('heading', { name: 'Réponse de l’ANAM et paiements' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: screenshotPath('claims-response.png') });
  await expect(status).toContainText('0 réclamation(s) en attente d’envoi');

  // Corrected at the desk (reopened, line cancelled, the right act keyed, closed), then resubmitted.
  await page.getByRole('button', { name: 'Préparer une resoumission…' }).click();
  await expect(page.getByRole('dialog')).toContainText('À corriger');
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Rien à resoumettre' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await withCore(demoHost, async (core) => {
    const manager = clientFor(core, slotAs(['gestionnaire'], null, 'gestionnaire'));
    const episodeId = (
      await core.deps.handle.db.selectFrom('episode').select('id').where('number', '=', rejected.episode).executeTakeFirstOrThrow()
    ).id;
    const before = await manager.episodes.get({ id: episodeId });
    if (!before.ok) throw new Error(before.error.message);
    const wrong = before.value.lines.find((l) => `prestation:${l.id}` === rejectedItem.lineKey)!;
    const steps = [
      () => manager.episodes.reopen({ episodeId, reason: 'Ligne rejetée par l’ANAM' }),
      () => manager.episodes.cancelLine({ episodeId, lineId: wrong.id, reason: 'Rejet ANAM : ordonnance absente' }),
      () =>
        manager.episodes.addLine({
          episodeId,
          code: 'CS-CUR',
          quantity: 1,
          performedOn: before.value.openedAt.slice(0, 10),
          prescriber: 'Dr Sidibé',
        }),
      () =>
        manager.episodes.close({
          episodeId,
          endedOn: before.value.endedOn!,
          diagnosis: before.value.diagnosis ?? 'Paludisme simple',
          outcome: 'gueri',
        }),
    ];
    for (const step of steps) {
      const result = await step();
      if (!result.ok) throw new Error(result.error.message);
    }
  });
  await page.getByRole('button', { name: 'Préparer une resoumission…' }).click();
  const resubmission = page.getByRole('dialog');
  await expect(resubmission).toContainText('Corrigé : resoumis');
  await expect(resubmission.getByLabel('Empreinte SHA-256 de la resoumission')).toHaveText(/^[0-9a-f]{64}$/);
  await page.screenshot({ path: screenshotPath('claims-resubmission.png') });
  await resubmission.getByRole('button', { name: 'Signer la resoumission (version 2)' }).click();
  await expect(page.getByRole('dialog')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: claimTitle(monthName, 2) })).toContainText('Signée');
  await expect(page.getByText('resoumission des lignes corrigées de la version 1')).toBeVisible();
  await expect(status).toContainText('1 réclamation(s) en attente d’envoi');

  // A payment of the ANAM, split over July and October; more than October may still get is refused next to the field.
  await page.getByRole('tab', { name: 'Paiements' }).click();
  const form = page.getByRole('form', { name: 'Enregistrer un paiement' });
  await form.getByLabel('Payé le').fill(frenchDate(today()));
  await form.getByLabel('Montant (FCFA)', { exact: true }).fill('5 000');
  await form.getByLabel('Référence (virement, chèque, avis)').fill('VIR-ANAM-2026-0211');
  await form.getByRole('button', { name: 'Ajouter une réclamation' }).click();
  await form.getByLabel('Réclamation 1', { exact: true }).selectOption({ label: await optionLabel(page, `${monthName} v1`) });
  await form.getByLabel('Montant affecté (FCFA)').fill('999 999');
  await form.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  await expect(form.getByText(/dépasse/).first()).toBeVisible();
  await form.getByRole('button', { name: 'Répartir sur les plus anciennes' }).click();
  await form.getByRole('button', { name: 'Enregistrer le paiement' }).click();
  const payments = page.getByRole('table', { name: 'Paiements de l’ANAM' });
  await expect(payments.getByRole('row', { name: /VIR-ANAM-2026-0211/ })).toContainText('5 000 FCFA');
  await expect(payments.getByRole('row', { name: /VIR-ANAM-2026-0211/ })).toContainText(`${followedUp} v1`);
  await page.screenshot({ path: screenshotPath('claims-payments.png') });

  // The queue: the resubmission waits; without network it goes on a USB key.
  await page.getByRole('tab', { name: 'Envois à l’ANAM' }).click();
  await expect(page.getByRole('table', { name: 'File d’envoi' })).toContainText('En attente d’envoi');
  const key = mkdtempSync(join(tmpdir(), 'ramed-e2e-cle-'));
  await page.getByLabel('Dossier de la clé (chemin complet)').fill(key);
  await page.getByRole('button', { name: 'Exporter', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'réclamation(s) écrite(s)' })).toContainText(
    `1 réclamation(s) écrite(s) dans ${key}`,
  );
  await expect(page.getByRole('table', { name: 'File d’envoi' })).toContainText('Exportée sur clé, sans réponse');
  await expect(status).toContainText('0 réclamation(s) en attente d’envoi (+1 sur clé) · dernier envoi réussi');
  await page.screenshot({ path: screenshotPath('claims-outbox.png') });
  void info;
});

/** The full text of the claim option that starts with `start` (it ends with what is left to pay). */
async function optionLabel(page: Page, start: string): Promise<string> {
  const options = await page.getByLabel('Réclamation 1', { exact: true }).locator('option').allTextContents();
  return options.find((o) => o.startsWith(start))!;
}
