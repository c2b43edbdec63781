import { SETTINGS, type SettingKey, type SettingView } from '../../../shared/domain/settings';
import type { ServiceContext } from '../context';
import { getAllSettings } from './settings';

/** A setting as the administration screen shows it: a secret's value masked. */
export function settingView(key: SettingKey, value: unknown): SettingView {
  const def = SETTINGS[key];
  const secret = 'secret' in def && def.secret === true;
  return {
    key,
    label: def.label,
    value: secret && value ? '***' : value,
    isDefault: JSON.stringify(value) === JSON.stringify(def.schema.parse(def.default)),
    secret,
  };
}

/** Every setting, in the order they are declared. */
export async function listSettings(ctx: ServiceContext): Promise<SettingView[]> {
  const all = await getAllSettings(ctx.db);
  return (Object.keys(all) as SettingKey[]).map((key) => settingView(key, all[key]));
}
