/** The facility's calendar is Africa/Bamako, which is UTC+0 all year: UTC dates are local dates. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

export const isoNow = (clock: Clock): string => clock.now().toISOString();
/** Today in the facility's calendar, as YYYY-MM-DD. */
export const isoToday = (clock: Clock): string => clock.now().toISOString().slice(0, 10);
