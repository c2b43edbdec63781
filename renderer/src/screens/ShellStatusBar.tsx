import type { AppInfo } from '../../../shared/domain/system';
import type { SessionInfo } from '../../../shared/domain/users';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { OutboxIndicator } from '../components/OutboxIndicator';
import { PullIndicator } from '../components/PullIndicator';

/** The status bar: the facility, who is signed in, which database, the sending indicators, the version. */
export function ShellStatusBar({ info, session }: { info: AppInfo; session: SessionInfo }) {
  return (
    <footer className="statusbar" aria-label="État">
      <span>{info.facility ? `${info.facility.name} [${info.facility.code}]` : 'Établissement non configuré'}</span>
      <span>
        {session.fullName} ({session.roles.map((r) => ROLE_LABELS[r]).join(', ')})
      </span>
      <span title={info.database.label}>Base : {info.database.kind === 'sqlite' ? 'locale' : 'partagée'}</span>
      {/* Claim sending and the ANAM's lists concern those who send claims, not the desk or the pharmacy. */}
      {session.roles.some((r) => r === 'gestionnaire' || r === 'admin') ? (
        <>
          <OutboxIndicator />
          <PullIndicator />
        </>
      ) : null}
      <span>v{info.appVersion}</span>
    </footer>
  );
}
