/** The facility's calendar is Africa/Bamako, which is UTC+0 all year: UTC dates are local dates. */
export interface Clock {
  now(): Date;
}

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * `RAMED_TODAY=AAAA-MM-JJ` moves the whole app to that day, the time of day still running: the suite,
 * the demo and a trainer's session can live any date (a 31st, 1 January, 29 February) without
 * touching the machine's clock. Anything else than a real calendar day is refused at start-up.
 */
export function clockFromEnvironment(env: NodeJS.ProcessEnv = process.env, real: () => number = Date.now): Clock {
  const today = env.RAMED_TODAY?.trim();
  if (!today) return { now: () => new Date(real()) };
  const offset = Date.parse(`${parseDay(today)}T00:00:00.000Z`) - Math.floor(real() / DAY_MS) * DAY_MS;
  return { now: () => new Date(real() + offset) };
}

function parseDay(value: string): string {
  const match = ISO_DAY.exec(value);
  const date = match ? new Date(`${value}T00:00:00.000Z`) : null;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new Error(`RAMED_TODAY attend une date réelle AAAA-MM-JJ (reçu « ${value} »).`);
  }
  return value;
}

export const systemClock: Clock = clockFromEnvironment();

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

export const isoNow = (clock: Clock): string => clock.now().toISOString();
/** Today in the facility's calendar, as YYYY-MM-DD. */
export const isoToday = (clock: Clock): string => clock.now().toISOString().slice(0, 10);
