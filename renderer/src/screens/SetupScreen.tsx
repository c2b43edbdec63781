import { useState, type FormEvent } from 'react';
import type { DemoAccount } from '../../../shared/domain/system';
import { FACILITY_LEVEL_LABELS, FACILITY_LEVELS, type FacilityLevel } from '../../../shared/domain/facility';
import { PASSWORD_MIN_LENGTH } from '../../../shared/domain/users';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field, SelectField } from '../components/Field';
import { ramed } from '../lib/bridge';
import { useCall } from '../lib/useCall';

/** First run: create the facility and its first administrator, or fill a demo database. */
export function SetupScreen({ onDone }: { onDone: () => void }) {
  const [facility, setFacility] = useState({ code: '', name: '', level: 'cscom' as FacilityLevel, region: '', cercle: '', commune: '' });
  const [admin, setAdmin] = useState({ login: '', fullName: '', password: '' });
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [accounts, setAccounts] = useState<DemoAccount[] | null>(null);
  const create = useCall(ramed.setup.create);
  const demo = useCall(ramed.setup.demo);
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

  if (accounts) {
    return (
      <main className="centered">
        <div className="card">
          <h2>Base de démonstration prête</h2>
          <p>Notez ces comptes : ils servent à découvrir l’application (données fictives).</p>
          <table className="simple" aria-label="Comptes de démonstration">
            <thead>
              <tr>
                <th>Identifiant</th>
                <th>Mot de passe</th>
                <th>Rôle</th>
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.login}>
                  <td>{a.login}</td>
                  <td className="mono">{a.password}</td>
                  <td>{a.roles.map((r) => ROLE_LABELS[r]).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <button className="primary" onClick={onDone} autoFocus>
            Aller à la connexion
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="setup">
      <h1 className="brand">RAMED Guichet — première mise en service</h1>
      <div className="setup-columns">
        <form className="card" noValidate onSubmit={submit} aria-label="Configuration de l'établissement">
          <h2>Votre établissement</h2>
          <div className="grid-2">
            <Field
              label="Code de l'établissement"
              value={facility.code}
              onChange={(e) => setFacility({ ...facility, code: e.target.value })}
              error={fields['facility.code']}
              autoFocus
              required
            />
            <SelectField
              label="Niveau"
              value={facility.level}
              onChange={(e) => setFacility({ ...facility, level: e.target.value as FacilityLevel })}
              options={FACILITY_LEVELS.map((l) => ({ value: l, label: FACILITY_LEVEL_LABELS[l] }))}
            />
          </div>
          <Field
            label="Nom de l'établissement"
            value={facility.name}
            onChange={(e) => setFacility({ ...facility, name: e.target.value })}
            error={fields['facility.name']}
            required
          />
          <div className="grid-3">
            <Field label="Région" value={facility.region} onChange={(e) => setFacility({ ...facility, region: e.target.value })} />
            <Field label="Cercle" value={facility.cercle} onChange={(e) => setFacility({ ...facility, cercle: e.target.value })} />
            <Field label="Commune" value={facility.commune} onChange={(e) => setFacility({ ...facility, commune: e.target.value })} />
          </div>
          <h2>Premier administrateur</h2>
          <div className="grid-2">
            <Field
              label="Identifiant"
              value={admin.login}
              onChange={(e) => setAdmin({ ...admin, login: e.target.value })}
              error={fields['admin.login']}
              autoComplete="username"
              required
            />
            <Field
              label="Nom complet"
              value={admin.fullName}
              onChange={(e) => setAdmin({ ...admin, fullName: e.target.value })}
              error={fields['admin.fullName']}
              required
            />
          </div>
          <div className="grid-2">
            <Field
              label="Mot de passe"
              type="password"
              value={admin.password}
              onChange={(e) => setAdmin({ ...admin, password: e.target.value })}
              hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères.`}
              error={fields['admin.password']}
              autoComplete="new-password"
              required
            />
            <Field
              label="Confirmer le mot de passe"
              type="password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              error={mismatch ? 'Les deux saisies ne correspondent pas' : undefined}
              autoComplete="new-password"
              required
            />
          </div>
          <ErrorBanner error={create.error} />
          <button type="submit" className="primary" disabled={create.pending}>
            Créer l'établissement et le compte
          </button>
        </form>
        <aside className="card">
          <h2>Découvrir l'application</h2>
          <p>Une base de démonstration avec un CSCOM fictif et un compte par rôle (accueil, pharmacie, gestionnaire, administrateur).</p>
          <ErrorBanner error={demo.error} />
          <button type="button" onClick={startDemo} disabled={demo.pending}>
            {demo.pending ? 'Préparation…' : 'Ouvrir une base de démonstration'}
          </button>
        </aside>
      </div>
    </main>
  );
}
