import { useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../../shared/domain/system';
import type { SessionInfo } from '../../../shared/domain/users';
import { SectionBoundary } from '../components/SectionBoundary';
import { ramed } from '../lib/bridge';
import { sectionsFor } from '../sections';
import { ShellStatusBar } from './ShellStatusBar';
import { ShellTopBar } from './ShellTopBar';
import { useSectionShortcuts } from './useSectionShortcuts';

/** The frame: navigation by role, the current section, and the status bar. */
export function Shell({
  info,
  session,
  onSessionChange,
  onLock,
}: {
  info: AppInfo;
  session: SessionInfo;
  onSessionChange: () => void;
  /** Covers the screen until the password is given again (a user leaving the desk). */
  onLock: () => void;
}) {
  const sections = useMemo(() => sectionsFor(session.roles), [session.roles]);
  const [current, setCurrent] = useState(sections[0]?.key ?? '');
  const section = sections.find((s) => s.key === current);
  useSectionShortcuts(sections, setCurrent);

  // The other sections of the role arrive in the background once the first one is drawn, so
  // that opening one later rarely shows « Chargement… ».
  useEffect(() => {
    const handle = requestIdleCallback(() => sections.forEach((s) => void s.preload?.().catch(() => undefined)), { timeout: 2000 });
    return () => cancelIdleCallback(handle);
  }, [sections]);

  async function logout() {
    await ramed.auth.logout({});
    onSessionChange();
  }

  return (
    <div className="shell">
      <ShellTopBar sections={sections} current={current} onOpen={setCurrent} onLock={onLock} onLogout={() => void logout()} />
      <main className="content">
        {section ? (
          <SectionBoundary key={section.key}>
            <section.component info={info} session={session} refresh={onSessionChange} />
          </SectionBoundary>
        ) : (
          <p>Aucune section n’est ouverte à votre rôle. Adressez-vous à l’administrateur.</p>
        )}
      </main>
      <ShellStatusBar info={info} session={session} />
    </div>
  );
}
