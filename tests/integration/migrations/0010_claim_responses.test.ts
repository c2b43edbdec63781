import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

const line = (id: number, amount: number, over: { payer?: string; excluded?: string | null } = {}) => ({
  key: `prestation:${id}`,
  amount,
  payer: over.payer ?? 'ramed',
  excluded: over.excluded ?? null,
});

describeEachDb('migration 0010_claim_responses', (kind) => {
  it('keeps the queue of 0009 and gives its Claims their items; adds responses, resubmissions and payments', async () => {
    const m = await databaseAt(kind, '0009_reception');
    try {
      const content = {
        episodes: [
          { number: 'E-1', excluded: null, lines: [line(1, 500), line(2, 700, { excluded: 'Saisi deux fois' }), line(3, 1500)] },
          { number: 'E-2', excluded: null, lines: [line(4, 75000, { payer: 'programme_cesarienne' }), line(5, 600)] },
          { number: 'E-3', excluded: 'Patient radié', lines: [line(6, 900)] },
        ],
      };
      const claim = {
        month: '2026-10',
        version: 1,
        previous_id: null,
        status: 'signee',
        built_at: '2026-11-02T08:00:00.000Z',
        built_by: 'fatoumata',
        episodes: 3,
        total: 2600,
        signed_at: '2026-11-02T09:00:00.000Z',
        signed_by: 'fatoumata',
        content: JSON.stringify(content),
        sha256: 'a'.repeat(64),
      };
      const { id: claimId } = await m.db.insertInto('claim').values(claim).returning('id').executeTakeFirstOrThrow();
      const message = (episode: string, key: string) => ({
        claim_id: claimId,
        episode_number: episode,
        idempotency_key: key,
        body: '{}',
        status: 'en_attente',
        attempts: 0,
        created_at: claim.signed_at,
        next_attempt_at: claim.signed_at,
      });
      await m.db
        .insertInto('outbox_message')
        .values([message('E-1', 'k1'), message('E-2', 'k2')])
        .execute();

      expect(await m.migrateTo('0010_claim_responses')).toEqual(['0010_claim_responses']);
      expect(await m.db.selectFrom('claim').selectAll().execute()).toEqual([{ id: claimId, ...claim, resubmits_id: null }]);
      const messages: Array<{ id: number; episode_number: string; status: string; exported_at: null; superseded_by: null }> = await m.db
        .selectFrom('outbox_message')
        .select(['id', 'episode_number', 'status', 'exported_at', 'superseded_by'])
        .orderBy('id')
        .execute();
      expect(
        messages.map((r: { episode_number: string; status: string; exported_at: null; superseded_by: null }) => [
          r.episode_number,
          r.status,
          r.exported_at,
          r.superseded_by,
        ]),
      ).toEqual([
        ['E-1', 'en_attente', null, null],
        ['E-2', 'en_attente', null, null],
      ]);
      // The items as 0007 sent them: neither the excluded line nor the programme's.
      const items = await m.db
        .selectFrom('outbox_item')
        .select(['message_id', 'sequence', 'line_key', 'amount'])
        .orderBy('message_id')
        .orderBy('sequence')
        .execute();
      expect(
        items.map((i: { message_id: number; sequence: number; line_key: string; amount: number }) => [
          i.message_id,
          i.sequence,
          i.line_key,
          Number(i.amount),
        ]),
      ).toEqual([
        [messages[0]!.id, 1, 'prestation:1', 500],
        [messages[0]!.id, 2, 'prestation:3', 1500],
        [messages[1]!.id, 1, 'prestation:5', 600],
      ]);

      const response = {
        message_id: messages[0]!.id,
        received_at: '2026-11-20T10:00:00.000Z',
        source: 'fichier',
        file_name: 'reponse.json',
        by_login: 'fatoumata',
        sha256: 'b'.repeat(64),
        outcome: 'complete',
        disposition: null,
        body: '{}',
      };
      const { id: responseId } = await m.db.insertInto('claim_response').values(response).returning('id').executeTakeFirstOrThrow();
      await expect(m.db.insertInto('claim_response').values(response).execute()).rejects.toThrow();
      const decision = {
        response_id: responseId,
        sequence: 1,
        line_key: 'prestation:1',
        status: 'rejetee',
        claimed: 500,
        accepted: 0,
        reason_code: 'X',
        reason_text: null,
      };
      await m.db.insertInto('claim_response_line').values(decision).execute();
      await expect(
        m.db
          .insertInto('claim_response_line')
          .values({ ...decision, sequence: 2, accepted: 600 })
          .execute(),
      ).rejects.toThrow();
      await expect(
        m.db
          .insertInto('claim_response_line')
          .values({ ...decision, sequence: 3, status: 'perdue' })
          .execute(),
      ).rejects.toThrow();

      const payment = { paid_on: '2026-11-25', amount: 1000, reference: 'VIR-1', note: null, recorded_at: 'x', recorded_by: 'fatoumata' };
      const { id: paymentId } = await m.db.insertInto('payment').values(payment).returning('id').executeTakeFirstOrThrow();
      await expect(
        m.db
          .insertInto('payment')
          .values({ ...payment, amount: 0 })
          .execute(),
      ).rejects.toThrow();
      await m.db
        .insertInto('payment_allocation')
        .values({ payment_id: paymentId, claim_id: claimId, amount: 1000, at: 'x', by_login: 'fatoumata' })
        .execute();
      await expect(
        m.db
          .insertInto('payment_allocation')
          .values({ payment_id: paymentId, claim_id: 999, amount: 10, at: 'x', by_login: 'fatoumata' })
          .execute(),
      ).rejects.toThrow();
    } finally {
      await m.dispose();
    }
  });
});
