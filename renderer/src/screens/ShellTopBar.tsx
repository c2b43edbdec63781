import type { Section } from '../sections';

/** The top bar: the role's sections (Alt+number each), lock and sign-out. */
export function ShellTopBar({
  sections,
  current,
  onOpen,
  onLock,
  onLogout,
}: {
  sections: readonly Section[];
  current: string;
  onOpen(key: string): void;
  onLock(): void;
  onLogout(): void;
}) {
  return (
    <header className="topbar">
      <span className="brand">RAMED Guichet</span>
      <nav aria-label="Sections">
        {sections.map((s, i) => (
          <button
            key={s.key}
            className={s.key === current ? 'nav-item active' : 'nav-item'}
            aria-current={s.key === current ? 'page' : undefined}
            title={`Alt+${i + 1}`}
            onClick={() => onOpen(s.key)}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <button className="link" onClick={onLock} title="Cache l'écran jusqu'à la saisie de votre mot de passe">
        Verrouiller
      </button>
      <button className="link" onClick={onLogout}>
        Se déconnecter
      </button>
    </header>
  );
}
