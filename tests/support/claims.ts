import type { Core } from '../../electron/core/app';
import type { EpisodeOpenInput } from '../../shared/domain/episodes';
import { clientFor, slotAs } from './db';
import { openEpisode } from './episodes';
import { fixedClock } from '../../electron/core/clock';

/**
 * The day the November 2026 claim is built in the tests: a month's claim is built once it has
 * ended (a Wednesday, 2 December 2026).
 */
export const NOVEMBER_ENDED = '2026-12-02T09:30:00.000Z';
export const novemberEnded = () => fixedClock(NOVEMBER_ENDED);

/**
 * Opens an episode on `day` (of November 2026), keys its acts and closes it on the same day, as
 * reception would. Answers the episode's id.
 */
export async function closedEpisode(
  core: Core,
  personId: number,
  acts: ReadonlyArray<{ code: string; quantity?: number }>,
  day = '2026-11-10',
  over: Partial<EpisodeOpenInput> = {},
): Promise<number> {
  const desk = clientFor(core, slotAs(['accueil'], null, 'aminata'));
  const { id } = await openEpisode(core, personId, `${day}T08:00:00.000Z`, over);
  for (const act of acts) {
    const added = await desk.episodes.addLine({
      episodeId: id,
      code: act.code,
      quantity: act.quantity ?? 1,
      performedOn: day,
      prescriber: 'Dr Sidibé',
    });
    if (!added.ok) throw new Error(added.error.message);
  }
  const closed = await desk.episodes.close({ episodeId: id, endedOn: day, diagnosis: 'Paludisme simple', outcome: 'gueri' });
  if (!closed.ok) throw new Error(closed.error.message);
  return id;
}
