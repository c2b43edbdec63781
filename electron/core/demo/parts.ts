import { demoBackups } from './backups';
import { demoClaimsFollowUp } from './claims-follow-up';
import { demoControlCases } from './control-cases';
import { demoEpisodes } from './episodes';
import { demoFacilityAndUsers } from './facility-users';
import { demoOffListCase } from './off-list-case';
import { demoPharmacy } from './pharmacy';
import { demoProgrammeCases } from './programme-cases';
import { demoFormerAgent } from './former-agent';
import { demoReceptionChecks } from './reception';
import { demoReference } from './reference';
import { demoRegistry } from './registry';
import type { DemoPart } from './part';

export type { DemoPart };

/** In order: later parts rely on earlier ones (the registry before episodes, tariffs before claims). */
export const DEMO_PARTS: readonly DemoPart[] = [
  demoFacilityAndUsers,
  demoRegistry,
  demoReference,
  demoEpisodes,
  demoControlCases,
  demoPharmacy,
  demoOffListCase,
  demoProgrammeCases,
  demoFormerAgent,
  demoReceptionChecks,
  demoClaimsFollowUp,
  // Last: its backup must hold every other part's data.
  demoBackups,
];
