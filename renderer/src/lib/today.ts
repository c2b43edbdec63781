/**
 * The screens' « today » is the facility's, as the back end's clock says (`system.info`), not the
 * browser's: the two differ when the back end runs with RAMED_TODAY (tests, training) or on another
 * machine whose clock is off. The shift is learned once; the browser's clock still moves it past midnight.
 */
const DAY_MS = 86_400_000;
let shiftDays = 0;

const browserDay = (): number => Math.floor(Date.now() / DAY_MS);

/** Records the back end's date (YYYY-MM-DD) given by `system.info`. */
export function learnToday(backEndToday: string): void {
  const day = Date.parse(`${backEndToday}T00:00:00.000Z`);
  if (!Number.isNaN(day)) shiftDays = Math.round(day / DAY_MS) - browserDay();
}

/** Today in the facility's calendar (Africa/Bamako, UTC+0), YYYY-MM-DD. */
export const today = (): string => new Date((browserDay() + shiftDays) * DAY_MS).toISOString().slice(0, 10);

/** This month, YYYY-MM. */
export const thisMonth = (): string => today().slice(0, 7);
