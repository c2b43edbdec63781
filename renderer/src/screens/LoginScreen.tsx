import { useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../shared/domain/system';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { useCommand } from '../lib/useCommand';

export function LoginScreen({
  info,
  notice,
  onLoggedIn,
}: {
  info: AppInfo;
  notice?: string | null;
  onLoggedIn: (password: string) => void;
}) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const { run, running: pending, error } = useCommand('auth.login');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run({ login, password })) onLoggedIn(password);
    else setPassword('');
  }

  return (
    <main className="centered narrow">
      <h1 className="brand">RAMED Guichet</h1>
      <p className="muted">{info.facility ? `${info.facility.name} [${info.facility.code}]` : ''}</p>
      {notice ? (
        <p className="banner banner-ok" role="status">
          {notice}
        </p>
      ) : null}
      <form className="card" noValidate onSubmit={submit} aria-label="Connexion">
        <h2>Connexion</h2>
        <Field label="Identifiant" value={login} onChange={(e) => setLogin(e.target.value)} autoFocus autoComplete="username" required />
        <Field
          label="Mot de passe"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
        <ErrorBanner error={error} />
        <button type="submit" className="primary" disabled={pending}>
          {pending ? 'Vérification…' : 'Se connecter'}
        </button>
      </form>
      <p className="muted small">Version {info.appVersion}</p>
    </main>
  );
}
