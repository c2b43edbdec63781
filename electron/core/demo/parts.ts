import { demoBackups } from './backups';
import type { DemoContext } from './demo';
import { demoEpisodes } from './episodes';
import { demoFacilityAndUsers } from './facility-users';
import { demoFormerAgent } from './former-agent';
import { demoReference } from './reference';

export interface DemoPart {
  label: string;
  run(ctx: DemoContext): Promise<void>;
}

/** In order: later parts rely on earlier ones (the registry before episodes, tariffs before claims). */
export const DEMO_PARTS: readonly DemoPart[] = [demoFacilityAndUsers, demoReference, demoEpisodes, demoBackups, demoFormerAgent];
