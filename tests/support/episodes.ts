import type { Core } from '../../electron/core/app';
import { createEpisode } from '../../electron/core/episodes/create';
import { actingAs } from '../../electron/core/service-context';
import type { EpisodeOpenInput } from '../../shared/domain/episodes';

/** What the reception desk would pass for an eligible patient who showed a NINA card. */
export const admission = (personId: number, over: Partial<EpisodeOpenInput> = {}): EpisodeOpenInput => ({
  personId,
  type: 'consultation_externe',
  emergency: false,
  identityDocument: 'cni_nina',
  identityNumber: '12345678901234A',
  identityMatches: true,
  eligibility: { eligible: true, reasons: [], warnings: [] },
  ...over,
});

/** Opens an episode through the core function the reception desk will call, at `at`. */
export function openEpisode(core: Core, personId: number, at = '2026-11-10T08:00:00.000Z', over: Partial<EpisodeOpenInput> = {}) {
  return createEpisode(actingAs(core.deps, 'accueil', at), admission(personId, over));
}
