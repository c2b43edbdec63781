import { useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../../shared/domain/system';
import type { SessionInfo } from '../../../shared/domain/users';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { OutboxIndicator } from '../components/OutboxIndicator';
import { PullIndicator } from '../components/PullIndicator';
import { SectionBoundary } from '../components/SectionBoundary';
import { ramed } from '../lib/bridge';
import { sectionsFor } from '../sections';

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

  // Alt+1…Alt+9 jump to a section: the whole app works by keyboard.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const target = sections[Number(event.key) - 1];
      if (target) {
        event.preventDefault();
        setCurrent(target.key);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sections]);

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
      <header className="topbar">
        <span className="brand">RAMED Guichet</span>
        <nav aria-label="Sections">
          {sections.map((s, i) => (
            <button
              key={s.key}
              className={s.key === current ? 'nav-item active' : 'nav-item'}
              aria-current={s.key === current ? 'page' : undefined}
              title={`Alt+${i + 1}`}
              onClick={() => setCurrent(s.key)}
            >
              {s.label}
            </button>
          ))}
        </nav>
        <button className="link" onClick={onLock} title="Cache l'écran jusqu'à la saisie de votre mot de passe">
          Verrouiller
        </button>
        <button className="link" onClick={logout}>
          Se déconnecter
        </button>
      </header>
      <main className="content">
        {section ? (
          <SectionBoundary key={section.key}>
            <section.component info={info} session={session} refresh={onSessionChange} />
          </SectionBoundary>
        ) : (
          <p>Aucune section n’est ouverte à votre rôle. Adressez-vous à l’administrateur.</p>
        )}
      </main>
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
    </div>
  );
}
