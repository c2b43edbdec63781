import { ONBOARDING_LABELS } from '../../../../shared/domain/onboarding';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useQuery } from '../../lib/useQuery';

/** Where each item is done, in the words of the tabs above. */
const WHERE: Record<string, string> = {
  registry: 'onglet Registre',
  tariffs: 'onglet Tarifs et médicaments',
  medicines: 'onglet Tarifs et médicaments',
  users: 'onglet Utilisateurs',
  backup: 'onglet Sauvegardes : le dossier proposé en un clic, ou un autre dans l’onglet Paramètres',
  anam: 'onglet Paramètres, section ANAM',
};

/**
 * The new facility's checklist: what is done and what is left, each with its state, and a warning
 * when example files (« illustratif ») were imported into a real facility. Read afresh each time.
 */
export function OnboardingChecklist() {
  const load = useQuery('facility.onboarding', {});
  const view = load.data;
  if (!view) return <ErrorBanner error={load.error} />;
  const left = view.items.filter((i) => !i.done || i.warning).length;
  return (
    <section className="card" aria-labelledby="onboarding">
      <h2 id="onboarding">Mise en service {left === 0 ? ': tout est prêt' : `: ${left} point(s) à régler`}</h2>
      <ul className="checklist" aria-label="Liste de mise en service">
        {view.items.map((item) => (
          <li key={item.key} className={item.warning ? 'check-warn' : item.done ? 'check-done' : 'check-todo'}>
            <span className="check-mark" aria-hidden="true">
              {item.warning ? '⚠' : item.done ? '✔' : '○'}
            </span>
            <div>
              <strong>{ONBOARDING_LABELS[item.key]}</strong> — {item.warning ? 'à corriger' : item.done ? 'fait' : 'à faire'}
              <br />
              <span className="muted">
                {item.detail}
                {!item.done ? ` (${WHERE[item.key]})` : ''}
              </span>
              {item.warning ? <p className="field-error">{item.warning}</p> : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
