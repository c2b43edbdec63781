/** The demo's desk: open from 07:30 to 16:30, in minutes after midnight. */
export const DESK_OPENS = 7 * 60 + 30;
export const DESK_CLOSES = 16 * 60 + 30;
/** The desk's opening hours, in minutes: a time is drawn in [0, DESK_SPAN). */
export const DESK_SPAN = DESK_CLOSES - DESK_OPENS;

/**
 * The minute of the day (after midnight) of a time drawn in the desk's hours. On `today` it is
 * squeezed into the time already past, so that nothing the demo records lies after `now`: from
 * the opening, or, before the desk opens, from midnight (the night's emergencies).
 */
export function deskMinute(day: string, today: string, now: Date, drawn: number): number {
  if (day !== today) return DESK_OPENS + drawn;
  const nowMinute = now.getUTCHours() * 60 + now.getUTCMinutes();
  const start = nowMinute >= DESK_OPENS ? DESK_OPENS : 0;
  return start + Math.floor((drawn * (Math.min(nowMinute, DESK_CLOSES) - start)) / DESK_SPAN);
}
