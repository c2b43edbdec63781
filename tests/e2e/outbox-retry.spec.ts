import { openCore } from '../../electron/core/app';
import { systemClock } from '../../electron/core/clock';
import { demoEpisodes } from '../../electron/core/demo/episodes';
import { silentLogger } from '../../electron/core/logger';
import { MAX_ATTEMPTS } from '../../electron/core/outbox/send';
import { outboxStatus } from '../../electron/core/outbox/status';
import { actingAs } from '../../electron/core/service-context';
import { setSetting } from '../../electron/core/settings/settings';
import { signMonth } from '../support/claim-responses';
import { clientFor, slotAs } from '../support/db';
import { failUntilAbandoned, manualClock } from '../support/outbox';
import { expect, loginAs, monthBefore, test, type Host, screenshotPath } from './fixtures';

/**
 * A month (two before the demo's) signed while the ANAM's service was unreachable: the worker tried each Claim until it
 * gave up (as many attempts as it allows, hours apart). The address is then cleared, so nothing
 * is sent behind the test's back.
 */
async function abandonedMonth(host: Host): Promise<{ failed: number; error: string }> {
  const MONTH = monthBefore(host.month, 2);
  const core = await openCore({ db: host.db, log: silentLogger });
  try {
    await demoEpisodes.run({ deps: core.deps, options: { month: MONTH, episodes: 4 }, accounts: [], note: () => {} });
    await signMonth(clientFor(core, slotAs(['gestionnaire'], null, 'fatoumata')), MONTH);
    const clock = manualClock(systemClock.now().toISOString());
    const tester = { ...actingAs(core.deps, 'test'), clock };
    await setSetting(tester, { key: 'anam.endpoint', value: 'http://127.0.0.1:9/fhir' });
    await failUntilAbandoned(core.deps, clock);
    await setSetting(tester, { key: 'anam.endpoint', value: '' });
    const status = await outboxStatus(tester);
    expect(status.pending).toBe(0);
    return { failed: status.failed, error: status.messages.find((m) => m.status === 'echec')!.lastError! };
  } finally {
    await core.close();
  }
}

test('the manager sends an abandoned Claim again once the connection is back', async ({ page, demoHost }) => {
  test.setTimeout(150_000);
  const { failed: abandoned, error } = await abandonedMonth(demoHost);
  expect(abandoned).toBeGreaterThan(0);

  await loginAs(page, demoHost, 'gestionnaire');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Réclamations' }).click();
  await page.getByRole('tab', { name: 'Envois à l’ANAM' }).click();
  const queue = page.getByRole('table', { name: 'File d’envoi' });
  const showList = () => page.getByRole('heading', { name: 'Réclamations de la file' }).evaluate((h) => h.scrollIntoView());
  const rows = queue.getByRole('row').filter({ hasText: 'Abandonnée après trop d’échecs' });
  await expect(rows).toHaveCount(abandoned);
  const resendAll = page.getByRole('button', { name: /^Renvoyer (les \d+ abandonnées|l’abandonnée)…$/ });
  await expect(resendAll).toHaveText(`Renvoyer les ${abandoned} abandonnées…`);
  const row = rows.first();
  await expect(row).toContainText(error);
  await expect(row).toContainText(String(MAX_ATTEMPTS));
  const claim = (await row.locator('.mono').innerText()).trim();

  // By keyboard: the row's button, a reason asked, a too short one refused next to the field.
  const resend = row.getByRole('button', { name: `Renvoyer la réclamation ${claim}` });
  await resend.focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: new RegExp(`Renvoyer la réclamation ${claim}`) });
  await expect(form).toContainText('les échecs passés restent enregistrés');
  const reason = form.getByLabel('Motif du renvoi');
  await expect(reason).toBeFocused();
  await reason.fill('ok');
  await page.keyboard.press('Enter');
  await expect(form.getByText('Indiquez le motif (3 caractères au moins)')).toBeVisible();
  await showList();
  await page.screenshot({ path: screenshotPath('claims-outbox-retry.png') });
  await reason.fill('Connexion à l’ANAM rétablie par Orange');
  await page.keyboard.press('Enter');

  const outcome = page.getByRole('status').filter({ hasText: 'remise dans la file d’envoi' });
  await expect(outcome).toContainText(claim);
  // The form closed: the keyboard is on what happened, not back at the top of the page.
  await expect(outcome).toBeFocused();
  await expect(form).toBeHidden();
  const retried = queue.getByRole('row').filter({ hasText: claim });
  await expect(retried).toContainText('En attente d’envoi');
  await expect(retried).toContainText('1 renvoi');
  await expect(retried).toContainText(error);
  await expect(retried.getByRole('button', { name: /Renvoyer/ })).toHaveCount(0);
  await expect(rows).toHaveCount(abandoned - 1);
  await expect(page.getByRole('contentinfo', { name: 'État' })).toContainText('1 réclamation(s) en attente d’envoi');
  await showList();
  await page.screenshot({ path: screenshotPath('claims-outbox-retried.png') });

  // The requeue is on record, with its reason, and the failed attempts are all still there.
  const status = JSON.parse((await demoHost.cli('outbox', 'status', '--json')).stdout) as {
    messages: Array<{ claim: string; status: string; attempts: number; retries: number }>;
  };
  expect(status.messages.find((m) => m.claim === claim)).toMatchObject({ status: 'en_attente', attempts: MAX_ATTEMPTS, retries: 1 });

  // The others all at once, by keyboard: the button above the table counts them, one reason for all.
  const left = abandoned - 1;
  await expect(resendAll).toHaveText(left === 1 ? 'Renvoyer l’abandonnée…' : `Renvoyer les ${left} abandonnées…`);
  await resendAll.focus();
  await page.keyboard.press('Enter');
  const allForm = page.getByRole('form', { name: /^Renvoyer (les \d+ réclamations abandonnées|la réclamation abandonnée) \?/ });
  await expect(allForm).toContainText('Les réclamations remplacées par une version plus récente ne partent jamais');
  const allReason = allForm.getByLabel('Motif du renvoi');
  await expect(allReason).toBeFocused();
  await allReason.fill('Coupure Orange du 3 au 9 octobre terminée');
  await showList();
  await page.screenshot({ path: screenshotPath('claims-outbox-retry-all.png') });
  await allReason.fill('');
  await page.keyboard.press('Enter');
  await expect(allForm.getByText('Indiquez le motif (3 caractères au moins)')).toBeVisible();
  await expect(rows).toHaveCount(left);
  await allReason.fill('Coupure Orange du 3 au 9 octobre terminée');
  await page.keyboard.press('Enter');
  const allOutcome = page.getByRole('status').filter({ hasText: 'remise' });
  await expect(allOutcome).toContainText(
    left === 1 ? '1 réclamation remise dans la file d’envoi' : `${left} réclamations remises dans la file d’envoi`,
  );
  await expect(allOutcome).toBeFocused();
  await expect(allForm).toBeHidden();
  await expect(rows).toHaveCount(0);
  await expect(resendAll).toHaveCount(0);
  await expect(page.getByRole('contentinfo', { name: 'État' })).toContainText(`${abandoned} réclamation(s) en attente d’envoi`);
  await showList();
  await page.screenshot({ path: screenshotPath('claims-outbox-retried-all.png') });
  const after = JSON.parse((await demoHost.cli('outbox', 'status', '--json')).stdout) as {
    messages: Array<{ status: string; retries: number; supersededByVersion?: number }>;
  };
  expect(after.messages.filter((m) => m.status === 'en_attente' && m.retries === 1)).toHaveLength(abandoned);
});
