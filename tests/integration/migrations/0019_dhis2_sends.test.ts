import { expect, it } from 'vitest';
import { describeEachDb } from '../../support/db';
import { databaseAt } from '../../support/migration';

describeEachDb('migration 0019_dhis2_sends', (kind) => {
  it('keeps the data of 0013 and records sends to DHIS2, refusing a status DHIS2 does not give', async () => {
    const m = await databaseAt(kind, '0013_outbox_retries');
    try {
      await m.db
        .insertInto('setting')
        .values({
          key: 'anam.endpoint',
          value: '"https://anam.example.ml/fhir"',
          updated_at: '2026-11-02T08:00:00.000Z',
          updated_by: 'moussa',
        })
        .execute();

      expect(await m.migrateToLatest()).toContain('0019_dhis2_sends');
      expect(await m.db.selectFrom('setting').select(['key', 'value']).execute()).toEqual([
        { key: 'anam.endpoint', value: '"https://anam.example.ml/fhir"' },
      ]);
      const send = {
        month: '2026-10',
        org_unit: 'CSCOM01',
        url: 'https://snis.example.ml',
        sent_at: '2026-11-05T09:00:00.000Z',
        by_login: 'fatoumata',
        http_status: 409,
        status: 'WARNING',
        imported: 20,
        updated: 0,
        ignored: 1,
        deleted: 0,
        conflicts: '[{"object":"X","value":"Data element not found or not accessible: `X`","errorCode":"E7610"}]',
        values_sent: 21,
        payload: '{"period":"202610","orgUnit":"CSCOM01","dataValues":[]}',
      };
      await m.db.insertInto('dhis2_send').values(send).execute();
      await expect(
        m.db
          .insertInto('dhis2_send')
          .values({ ...send, status: 'OK' })
          .execute(),
      ).rejects.toThrow();
      const rows = await m.db.selectFrom('dhis2_send').select(['month', 'status', 'dry_run', 'ignored']).execute();
      expect(
        rows.map((r: { month: string; status: string; dry_run: number; ignored: number }) => [
          r.month,
          r.status,
          Number(r.dry_run),
          Number(r.ignored),
        ]),
      ).toEqual([['2026-10', 'WARNING', 0, 1]]);
    } finally {
      await m.dispose();
    }
  });
});
