import type { Kysely } from 'kysely';
import { isSettingKey, SETTINGS, type SettingKey, type SettingValue } from '../../../shared/domain/settings';
import { describeZodError } from '../../../shared/contract/validation';
import { isoNow } from '../clock';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema/index';
import { DomainError } from '../errors';
import { isSealed, isSecretSetting, openSecret, sealSecret } from './secrets';

/** A setting's value from its stored JSON text, or its default when it was never set. */
export function settingValue<K extends SettingKey>(key: K, stored: string | null | undefined): SettingValue<K> {
  const def = SETTINGS[key];
  const raw: unknown = stored === null || stored === undefined ? def.default : JSON.parse(stored);
  return def.schema.parse(isSecretSetting(key) && isSealed(raw) ? openSecret(key, raw) : raw) as SettingValue<K>;
}

export async function getSetting<K extends SettingKey>(db: Kysely<Database>, key: K): Promise<SettingValue<K>> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return settingValue(key, row?.value);
}

/** Several settings in one query (a lookup on every call reads two or three). */
export async function getSettings<K extends SettingKey>(db: Kysely<Database>, keys: readonly K[]): Promise<{ [P in K]: SettingValue<P> }> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).where('key', 'in', keys).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return Object.fromEntries(keys.map((key) => [key, settingValue(key, stored.get(key))])) as { [P in K]: SettingValue<P> };
}

export async function getAllSettings(db: Kysely<Database>): Promise<{ [K in SettingKey]: SettingValue<K> }> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  const out: Record<string, unknown> = {};
  for (const [key, def] of Object.entries(SETTINGS)) {
    const raw = stored.get(key);
    try {
      out[key] = settingValue(key as SettingKey, raw);
    } catch (error) {
      // A secret this workstation cannot open is listed masked, not fatal to the whole list.
      if (!(error instanceof DomainError) || raw === undefined) throw error;
      out[key] = def.schema.parse(JSON.parse(raw));
    }
  }
  return out as { [K in SettingKey]: SettingValue<K> };
}

/** Validates and stores a setting; throws a French DomainError on an unknown key or a bad value. */
export async function setSetting(
  ctx: ServiceContext,
  { key, value }: { key: string; value: unknown },
): Promise<{ key: SettingKey; value: unknown }> {
  const [saved] = await updateSettings(ctx, { values: { [key]: value } });
  return saved!;
}

/**
 * Validates every value first, then stores them all (the caller's transaction makes it all or
 * nothing). A refusal names each bad key in `fields`, for the form to show next to the field.
 */
export async function updateSettings(
  ctx: ServiceContext,
  { values }: { values: Record<string, unknown> },
): Promise<Array<{ key: SettingKey; value: unknown; previous: unknown }>> {
  const { db, login: by } = ctx;
  const parsed: Array<{ key: SettingKey; value: unknown }> = [];
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (!isSettingKey(key)) {
      fields[key] = `Paramètre inconnu : « ${key} ». Paramètres possibles : ${Object.keys(SETTINGS).join(', ')}.`;
      continue;
    }
    const result = SETTINGS[key].schema.safeParse(value);
    if (result.success) parsed.push({ key, value: result.data });
    else fields[key] = describeZodError(result.error).fields._ ?? result.error.issues[0]?.message ?? 'Valeur refusée';
  }
  const refused = Object.entries(fields);
  if (refused.length > 0) {
    const [key, message] = refused[0]!;
    const what = isSettingKey(key) ? `Valeur refusée pour ${key} : ${message}` : message;
    throw new DomainError('INVALID_INPUT', refused.length > 1 ? `${what} (et ${refused.length - 1} autre(s))` : what, fields);
  }
  const before = await getAllSettings(db);
  const updatedAt = isoNow(ctx.clock);
  for (const { key, value } of parsed) {
    const row = { key, value: JSON.stringify(isSecretSetting(key) ? sealSecret(value) : value), updated_at: updatedAt, updated_by: by };
    await db
      .insertInto('setting')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: updatedAt, updated_by: by }))
      .execute();
  }
  return parsed.map(({ key, value }) => ({ key, value, previous: before[key] }));
}
