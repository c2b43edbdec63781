import { useState, type FormEvent } from 'react';
import type { DemoAccount } from '../../../shared/domain/system';
import { ErrorBanner } from '../components/ErrorBanner';
import { useCommand } from '../lib/useCommand';
import { DemoAccounts } from './DemoAccounts';
import { AdminFields, FacilityFields, type AdminDraft, type FacilityDraft } from './SetupFields';

/** First run: create the facility and its first administrator, or fill a demo database. */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  const [facility, setFacility] = useState<FacilityDraft>({ code: '', name: '', level: 'cscom', region: '', cercle: '', commune: '' });
  const [admin, setAdmin] = useState<AdminDraft>({ login: '', fullName: '', password: '' });
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [accounts, setAccounts] = useState<DemoAccount[] | null>(null);
  const create = useCommand('setup.create');
  const demo = useCommand('setup.demo');
  const fields = create.error?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (admin.password !== confirm) return setMismatch(true);
    setMismatch(false);
    if (await create.run({ facility, admin })) onDone();
  }

  async function startDemo() {
    const result = await demo.run({});
    if (result) setAccounts(result.accounts);
  }

  if (accounts) return <DemoAccounts accounts={accounts} onDone={onDone} />;

  return (
    <main className="setup">
      <h1 className="brand">RAMED Guichet — première mise en service</h1>
      <div className="setup-columns">
        <form className="card" noValidate onSubmit={submit} aria-label="Configuration de l'établissement">
          <h2>Votre établissement</h2>
          <FacilityFields facility={facility} onChange={setFacility} fields={fields} />
          <h2>Premier administrateur</h2>
          <AdminFields admin={admin} onChange={setAdmin} confirm={confirm} onConfirm={setConfirm} mismatch={mismatch} fields={fields} />
          <ErrorBanner error={create.error} />
          <button type="submit" className="primary" disabled={create.running}>
            Créer l'établissement et le compte
          </button>
        </form>
        <aside className="card">
          <h2>Découvrir l'application</h2>
          <p>Une base de démonstration avec un CSCOM fictif et un compte par rôle (accueil, pharmacie, gestionnaire, administrateur).</p>
          <ErrorBanner error={demo.error} />
          <button type="button" onClick={startDemo} disabled={demo.running}>
            {demo.running ? 'Préparation…' : 'Ouvrir une base de démonstration'}
          </button>
        </aside>
      </div>
    </main>
  );
}
