import { sql, type Kysely } from 'kysely';
import type { Migration } from './types';

/** The claim content as 0006 signed it: only what the backfill of `outbox_item` reads. */
interface SignedContent {
  episodes: Array<{
    number: string;
    excluded: string | null;
    lines: Array<{ key: string; amount: number; payer: string; excluded: string | null }>;
  }>;
}

/**
 * Which claim line each item of the already queued Claims bills: the FHIR items are the episode's
 * lines neither excluded nor paid by a programme, numbered from 1 (as 0007's sign-off sent them).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema of its time
async function backfillItems(db: Kysely<any>): Promise<void> {
  const claims = await db
    .selectFrom('claim')
    .select(['id', 'content'])
    .where('id', 'in', db.selectFrom('outbox_message').select('claim_id'))
    .execute();
  for (const claim of claims as Array<{ id: number; content: string }>) {
    const content = JSON.parse(claim.content) as SignedContent;
    const byNumber = new Map(content.episodes.filter((e) => !e.excluded).map((e) => [e.number, e]));
    const messages = (await db
      .selectFrom('outbox_message')
      .select(['id', 'episode_number'])
      .where('claim_id', '=', claim.id)
      .execute()) as Array<{
      id: number;
      episode_number: string;
    }>;
    const rows = messages.flatMap((m) =>
      (byNumber.get(m.episode_number)?.lines ?? [])
        .filter((l) => !l.excluded && l.payer === 'ramed')
        .map((l, i) => ({ message_id: m.id, sequence: i + 1, line_key: l.key, amount: l.amount })),
    );
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('outbox_item')
        .values(rows.slice(i, i + 500))
        .execute();
    }
  }
}

/**
 * The ANAM's answers and what follows them: the items of each queued Claim, every response
 * received (by the send or from a file) with its decision per line, resubmissions (a version
 * answering an earlier one), messages exported to a USB key or superseded by a newer version,
 * and payments with their allocation to claims. All append-only.
 */
export const m0010ClaimResponses: Migration = {
  name: '0010_claim_responses',
  async up(db, f) {
    await db.schema
      .alterTable('claim')
      .addColumn('resubmits_id', 'integer', (c) => c.references('claim.id'))
      .execute();
    await db.schema.alterTable('outbox_message').addColumn('exported_at', 'text').execute();
    await db.schema
      .alterTable('outbox_message')
      .addColumn('superseded_by', 'integer', (c) => c.references('claim.id'))
      .execute();

    await db.schema
      .createTable('outbox_item')
      .addColumn('message_id', 'integer', (c) => c.notNull().references('outbox_message.id'))
      .addColumn('sequence', 'integer', (c) => c.notNull().check(sql`sequence >= 1`))
      .addColumn('line_key', 'text', (c) => c.notNull())
      .addColumn('amount', f.bigint, (c) => c.notNull())
      .addPrimaryKeyConstraint('outbox_item_pk', ['message_id', 'sequence'])
      .execute();
    await backfillItems(db);

    await f
      .addIdColumn(db.schema.createTable('claim_response'))
      .addColumn('message_id', 'integer', (c) => c.notNull().references('outbox_message.id'))
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('envoi', 'fichier')`))
      .addColumn('file_name', 'text')
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('disposition', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addUniqueConstraint('claim_response_message_sha', ['message_id', 'sha256'])
      .execute();

    await db.schema
      .createTable('claim_response_line')
      .addColumn('response_id', 'integer', (c) => c.notNull().references('claim_response.id'))
      .addColumn('sequence', 'integer', (c) => c.notNull())
      .addColumn('line_key', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('acceptee', 'ajustee', 'rejetee')`))
      .addColumn('claimed', f.bigint, (c) => c.notNull())
      .addColumn('accepted', f.bigint, (c) => c.notNull())
      .addColumn('reason_code', 'text')
      .addColumn('reason_text', 'text')
      .addPrimaryKeyConstraint('claim_response_line_pk', ['response_id', 'sequence'])
      .addCheckConstraint('claim_response_line_amounts', sql`accepted >= 0 and accepted <= claimed`)
      .execute();

    await f
      .addIdColumn(db.schema.createTable('outbox_export'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('folder', 'text', (c) => c.notNull())
      .addColumn('messages', 'integer', (c) => c.notNull())
      .addColumn('manifest_sha256', 'text', (c) => c.notNull())
      .execute();

    await f
      .addIdColumn(db.schema.createTable('payment'))
      .addColumn('paid_on', 'text', (c) => c.notNull())
      .addColumn('amount', f.bigint, (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('reference', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .addColumn('recorded_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('payment_cancellation')
      .addColumn('payment_id', 'integer', (c) => c.primaryKey().references('payment.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .execute();
    await f
      .addIdColumn(db.schema.createTable('payment_allocation'))
      .addColumn('payment_id', 'integer', (c) => c.notNull().references('payment.id'))
      .addColumn('claim_id', 'integer', (c) => c.notNull().references('claim.id'))
      .addColumn('amount', f.bigint, (c) => c.notNull().check(sql`amount > 0`))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .execute();

    await db.schema.createIndex('claim_resubmits').on('claim').column('resubmits_id').execute();
    await db.schema.createIndex('payment_allocation_payment').on('payment_allocation').column('payment_id').execute();
    await db.schema.createIndex('payment_allocation_claim').on('payment_allocation').column('claim_id').execute();
  },
};
