import type { AppInfo } from '../../shared/domain/system';
import type { SessionInfo } from '../../shared/domain/users';

/** What every section's screen receives (apart from sections.tsx, which imports the screens). */
export interface SectionProps {
  info: AppInfo;
  session: SessionInfo;
  /** Reloads the facility and session (after the facility is edited). */
  refresh: () => void;
}
