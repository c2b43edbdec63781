import type { Kysely } from 'kysely';
import { isSettingKey, SETTINGS, type SettingKey, type SettingValue } from '../../../shared/settings';
import { describeZodError } from '../../../shared/validation';
import type { Clock } from '../clock';
import type { Database } from '../db/schema/index';
import { DomainError } from '../errors';

export async function getSetting<K extends SettingKey>(db: Kysely<Database>, key: K): Promise<SettingValue<K>> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  const def = SETTINGS[key];
  if (!row) return def.schema.parse(def.default) as SettingValue<K>;
  return def.schema.parse(JSON.parse(row.value)) as SettingValue<K>;
}

export async function getAllSettings(db: Kysely<Database>): Promise<{ [K in SettingKey]: SettingValue<K> }> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const out: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(SETTINGS)) {
    const raw = stored.get(key);
    out[key] = def.schema.parse(raw === undefined ? def.default : JSON.parse(raw));
  }
  return out as { [K in SettingKey]: SettingValue<K> };
}

/** Validates and stores a setting; throws a French DomainError on an unknown key or a bad value. */
export async function setSetting(
  db: Kysely<Database>,
  clock: Clock,
  key: string,
  value: unknown,
  by: string,
): Promise<{ key: SettingKey; value: unknown }> {
  if (!isSettingKey(key)) {
    throw new DomainError('INVALID_INPUT', `Paramètre inconnu : « ${key} ». Paramètres possibles : ${Object.keys(SETTINGS).join(', ')}.`);
  }
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) {
    throw new DomainError(
      'INVALID_INPUT',
      `Valeur refusée pour ${key} : ${describeZodError(parsed.error).fields._ ?? parsed.error.issues[0]?.message}`,
    );
  }
  const row = { key, value: JSON.stringify(parsed.data), updated_at: clock.now().toISOString(), updated_by: by };
  await db
    .insertInto('setting')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: by }))
    .execute();
  return { key, value: parsed.data };
}
