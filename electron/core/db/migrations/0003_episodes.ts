import { sql } from 'kysely';
import type { Migration } from './types';

/**
 * Reference lists (tariffs, medicines), versioned by effective date, and episodes of care with
 * their prestation lines and lifecycle events. Lines and events are only ever appended.
 */
export const m0003Episodes: Migration = {
  name: '0003_episodes',
  async up(db, f) {
    await f
      .addIdColumn(db.schema.createTable('reference_import'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('tarifs', 'medicaments')`))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('lines', 'integer', (c) => c.notNull())
      .addColumn('inserted', 'integer', (c) => c.notNull())
      .addColumn('closed', 'integer', (c) => c.notNull())
      .execute();

    await f
      .addIdColumn(db.schema.createTable('tariff'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('cscom', 'csref', 'hopital')`))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) =>
        c
          .notNull()
          .check(sql`category in ('consultation', 'laboratoire', 'imagerie', 'maternite', 'hospitalisation', 'chirurgie', 'autre')`),
      )
      .addColumn('price', 'integer', (c) => c.notNull().check(sql`price >= 0`))
      .addColumn('effective_from', 'text', (c) => c.notNull())
      .addColumn('effective_to', 'text')
      .addColumn('ramed_covered', 'integer', (c) => c.notNull())
      .addColumn('max_quantity', 'integer')
      .addColumn('exclusion', 'text', (c) =>
        c.check(sql`exclusion is null or exclusion in ('evacuation_etranger', 'prothese_dentaire', 'lunettes', 'esthetique')`),
      )
      .addColumn('caesarean', 'integer', (c) => c.notNull())
      .addColumn('import_id', 'integer', (c) => c.notNull().references('reference_import.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('tariff_version', ['code', 'level', 'effective_from'])
      .execute();

    await f
      .addIdColumn(db.schema.createTable('medicine'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('dci', 'text', (c) => c.notNull())
      .addColumn('form', 'text', (c) => c.notNull())
      .addColumn('strength', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('price', 'integer', (c) => c.notNull().check(sql`price >= 0`))
      .addColumn('essential', 'integer', (c) => c.notNull())
      .addColumn('effective_from', 'text', (c) => c.notNull())
      .addColumn('effective_to', 'text')
      .addColumn('import_id', 'integer', (c) => c.notNull().references('reference_import.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('medicine_version', ['code', 'effective_from'])
      .execute();

    // One row per year: the last episode number given, taken under the row's lock.
    await db.schema
      .createTable('episode_counter')
      .addColumn('year', 'integer', (c) => c.primaryKey())
      .addColumn('last', 'integer', (c) => c.notNull())
      .execute();

    await f
      .addIdColumn(db.schema.createTable('episode'))
      .addColumn('number', 'text', (c) => c.notNull().unique())
      .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
      .addColumn('recepisse', 'text', (c) => c.notNull())
      .addColumn('patient_search', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) =>
        c.notNull().check(sql`type in ('consultation_externe', 'urgence', 'hospitalisation', 'maternite', 'autre')`),
      )
      .addColumn('emergency', 'integer', (c) => c.notNull())
      .addColumn('referral_from', 'text')
      .addColumn('referral_ref', 'text')
      .addColumn('identity_document', 'text', (c) =>
        c
          .notNull()
          .check(sql`identity_document in ('recepisse_seul', 'cni_nina', 'carte_biometrique', 'acte_naissance', 'autre', 'aucun')`),
      )
      .addColumn('identity_number', 'text')
      .addColumn('identity_matches', 'integer')
      .addColumn('eligibility', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('ouvert', 'clos')`))
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('opened_by', 'text', (c) => c.notNull())
      .addColumn('ended_on', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('diagnosis', 'text')
      .addColumn('icd10', 'text')
      .addColumn('outcome', 'text', (c) =>
        c.check(sql`outcome is null or outcome in ('gueri', 'ameliore', 'refere', 'contre_avis', 'decede', 'autre')`),
      )
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // What the episodes list filters and sorts on.
    await db.schema.createIndex('episode_opened').on('episode').columns(['opened_at', 'id']).execute();
    await db.schema.createIndex('episode_status_opened').on('episode').columns(['status', 'opened_at']).execute();
    await db.schema.createIndex('episode_type_opened').on('episode').columns(['type', 'opened_at']).execute();
    await db.schema.createIndex('episode_recepisse').on('episode').columns(['recepisse', 'opened_at']).execute();
    await db.schema.createIndex('episode_person').on('episode').columns(['person_id', 'opened_at']).execute();
    await db.schema.createIndex('episode_patient').on('episode').columns(['patient_search', 'id']).execute();

    await f
      .addIdColumn(db.schema.createTable('prestation'))
      .addColumn('episode_id', 'integer', (c) => c.notNull().references('episode.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('acte', 'medicament')`))
      .addColumn('tariff_id', 'integer', (c) => c.references('tariff.id'))
      .addColumn('medicine_id', 'integer', (c) => c.references('medicine.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('performed_on', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('unit_price', 'integer', (c) => c.notNull())
      .addColumn('amount', 'integer', (c) => c.notNull())
      .addColumn('payer', 'text', (c) => c.notNull().check(sql`payer in ('ramed', 'programme_cesarienne')`))
      .addColumn('prescriber', 'text', (c) => c.notNull())
      .addColumn('cancels_id', 'integer', (c) => c.references('prestation.id').unique())
      .addColumn('reason', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addCheckConstraint(
        'prestation_item',
        sql`(kind = 'acte' and tariff_id is not null and medicine_id is null) or (kind = 'medicament' and medicine_id is not null and tariff_id is null)`,
      )
      .addCheckConstraint('prestation_sign', sql`(cancels_id is null and quantity > 0) or (cancels_id is not null and quantity < 0)`)
      .execute();
    await db.schema.createIndex('prestation_episode').on('prestation').column('episode_id').execute();

    await f
      .addIdColumn(db.schema.createTable('episode_event'))
      .addColumn('episode_id', 'integer', (c) => c.notNull().references('episode.id'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('ouverture', 'diagnostic', 'cloture', 'reouverture')`))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('by_login', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('episode_event_episode').on('episode_event').column('episode_id').execute();
  },
};
