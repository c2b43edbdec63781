import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClaimedItem } from '../../../shared/domain/claim-responses';
import { frenchMonth, monthBefore, ofMonth } from '../../../shared/lib/months';
import { actingAs } from '../service-context';
import { buildClaim } from '../claims/build';
import { getClaim } from '../claims/read';
import { signClaim } from '../claims/sign';
import { exportPending } from '../outbox/export-folder';
import { recordPayment } from '../payments/record';
import { importResponseFile } from '../responses/import-file';
import { itemsOf } from '../responses/record';
import { closeEpisode } from '../episodes/lifecycle';
import type { DemoContext } from './part';
import { demoEpisodes } from './episodes';
import type { DemoPart } from './part';

/** What the ANAM's reviewers write back, with the codes of their answer file. */
const REJECTIONS = [
  { code: 'ORDONNANCE', text: 'Ordonnance absente du dossier transmis' },
  { code: 'ACTE_NIVEAU', text: 'Acte non autorisé à ce niveau de soins' },
  { code: 'DOUBLON', text: 'Acte déjà facturé pour ce patient ce jour' },
];
const ADJUSTMENT = { code: 'TARIF', text: 'Ramené au tarif conventionnel de l’ANAM' };

/** A fixed, varied choice per line (the same demo every time). */
const pick = (n: number) => (n * 2654435761) % 100;

function answer(key: string, items: readonly ClaimedItem[], n: number) {
  return {
    resourceType: 'ClaimResponse',
    status: 'active',
    outcome: 'complete',
    request: { identifier: { system: 'https://ramed.anam.ml/fhir/sid/cle-idempotence', value: key } },
    item: items.map((item, i) => {
      const roll = pick(n * 7 + i);
      const category = (code: string) => ({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code }] });
      if (roll < 9) {
        const reason = REJECTIONS[roll % REJECTIONS.length]!;
        return {
          itemSequence: item.sequence,
          adjudication: [{ category: category('denied'), reason: { coding: [{ code: reason.code }], text: reason.text } }],
        };
      }
      if (roll < 15 && item.amount >= 500) {
        return {
          itemSequence: item.sequence,
          adjudication: [
            {
              category: category('benefit'),
              amount: { value: Math.round((item.amount * 0.7) / 25) * 25, currency: 'XOF' },
              reason: { coding: [{ code: ADJUSTMENT.code }], text: ADJUSTMENT.text },
            },
          ],
        };
      }
      return {
        itemSequence: item.sequence,
        adjudication: [{ category: category('benefit'), amount: { value: item.amount, currency: 'XOF' } }],
      };
    }),
  };
}

/**
 * One of the month's episodes left open is closed after its claim left: the next month's claim
 * takes it, marked « clôture tardive » (what the month-end checklist counts).
 */
async function closeOneLate(deps: DemoContext['deps'], month: string, at: string, note: (text: string) => void) {
  const open = await deps.handle.db
    .selectFrom('episode')
    .select(['id', 'opened_at'])
    .where('status', '=', 'ouvert')
    .where('opened_at', '>=', `${month}-01`)
    .where('opened_at', '<', `${month}-99`)
    .orderBy('id')
    .executeTakeFirst();
  if (!open) return;
  await closeEpisode(actingAs(deps, 'accueil', at), {
    episodeId: open.id,
    endedOn: open.opened_at.slice(0, 10),
    diagnosis: 'Paludisme simple',
    icd10: 'B54',
    outcome: 'gueri',
  });
  note(`Un épisode de ${frenchMonth(month)} clos après l’envoi : clôture tardive, pour la réclamation suivante`);
}

/**
 * A month claimed five months ago (so that, whatever the day, it is owed past the 90-day delay), as a facility without network lives it: signed early the next
 * month, carried to the ANAM on a USB key, answered six weeks later with some lines rejected and
 * some amounts cut, then paid in part: still owed past the reimbursement delay, so the claims list
 * shows it highlighted, with rejected lines waiting for a resubmission.
 */
export const demoClaimsFollowUp: DemoPart = {
  label: 'Réclamation envoyée, réponse de l’ANAM et paiement',
  async run(ctx) {
    const { handle } = ctx.deps;
    const month = monthBefore(ctx.options.month, 5);
    const next = monthBefore(ctx.options.month, 4);
    const episodes = Math.round(ctx.options.episodes / 3);
    if (episodes === 0) return;
    await demoEpisodes.run({ ...ctx, options: { month, episodes }, note: () => {} });

    const manager = (at: string) => actingAs(ctx.deps, 'gestionnaire', at);
    const built = await buildClaim(manager(`${next}-04T08:30:00.000Z`), { month });
    if (built.episodes === 0) return ctx.note(`Réclamation ${ofMonth(month)} : aucun épisode clos`);
    const view = await getClaim(manager(`${next}-04T08:30:00.000Z`), { month });
    if (view.blocking > 0) return ctx.note(`Réclamation ${ofMonth(month)} : contrôles bloquants, non signée`);
    const signedAt = `${next}-04T09:00:00.000Z`;
    const claim = await handle.db
      .transaction()
      .execute((trx) => signClaim({ ...manager(signedAt), db: trx }, { month, sha256: view.sha256 }));

    const key = mkdtempSync(join(tmpdir(), 'ramed-demo-cle-'));
    try {
      await handle.db.transaction().execute((trx) => exportPending({ ...manager(`${next}-04T09:30:00.000Z`), db: trx }, { folder: key }));
      const messages = await handle.db
        .selectFrom('outbox_message')
        .select(['id', 'idempotency_key'])
        .where('claim_id', '=', claim.id)
        .orderBy('id')
        .execute();
      const items = await itemsOf(
        handle.db,
        messages.map((m) => m.id),
      );
      const file = join(key, `reponse-anam-${month}.json`);
      const responses = messages.map((m, n) => answer(m.idempotency_key, items.get(m.id)!, n));
      writeFileSync(
        file,
        JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: responses.map((resource) => ({ resource })) }),
      );
      const answered = `${monthBefore(ctx.options.month, 2)}-15T10:00:00.000Z`;
      const report = await handle.db
        .transaction()
        .execute((trx) => importResponseFile({ ...manager(answered), db: trx }, { path: file, name: `reponse-anam-${month}.json` }));
      const accepted = report.claims[0]?.accepted ?? 0;
      // The ANAM pays about 60 % of what it accepted, in round thousands.
      const paid = Math.floor((accepted * 0.6) / 1000) * 1000;
      if (paid > 0) {
        const paidOn = `${monthBefore(ctx.options.month, 1)}-20`;
        await handle.db.transaction().execute((trx) =>
          recordPayment(
            { ...manager(`${paidOn}T11:00:00.000Z`), db: trx },
            {
              paidOn,
              amount: paid,
              reference: `VIR-ANAM-${month.replace('-', '')}-01`,
              note: `Premier versement sur ${frenchMonth(month)}`,
              allocations: [{ month, version: claim.version, amount: paid }],
            },
          ),
        );
      }
      ctx.note(`Réclamation ${ofMonth(month)} : envoyée, ${report.claims[0]?.rejected ?? 0} FCFA rejetés, ${paid} FCFA payés`);
      await closeOneLate(ctx.deps, month, `${next}-10T10:00:00.000Z`, ctx.note);
    } finally {
      rmSync(key, { recursive: true, force: true });
    }
  },
};
