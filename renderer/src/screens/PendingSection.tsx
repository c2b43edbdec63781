import type { SectionProps } from '../sections';

/** Shown for a section whose screens are not in this version yet. */
export function PendingSection({ info }: SectionProps) {
  return (
    <section className="card">
      <h2>Bientôt disponible</h2>
      <p>Cet écran n'est pas encore livré dans la version {info.appVersion}.</p>
    </section>
  );
}
