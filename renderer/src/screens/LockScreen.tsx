import { useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../shared/domain/users';
import { ROLE_LABELS } from '../../../shared/domain/roles';
import { Dialog } from '../components/Dialog';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { useCommand } from '../lib/useCommand';

/**
 * Covers the screen while the session is locked. The screen beneath stays mounted, so a form in
 * progress is still there after unlocking; another person may instead close the session.
 */
export function LockScreen({
  session,
  onUnlocked,
  onSignedOut,
}: {
  session: SessionInfo;
  onUnlocked: () => void;
  onSignedOut: () => void;
}) {
  const [password, setPassword] = useState('');
  const unlock = useCommand('auth.unlock');
  const logout = useCommand('auth.logout');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await unlock.run({ password })) onUnlocked();
    else setPassword('');
  }

  async function signOut() {
    await logout.run({});
    onSignedOut();
  }

  return (
    <Dialog title="Écran verrouillé" className="lock-dialog">
      <p>
        Session de <strong>{session.fullName}</strong> ({session.roles.map((r) => ROLE_LABELS[r]).join(', ')}). Saisissez votre mot de passe
        pour reprendre là où vous en étiez.
      </p>
      <form noValidate onSubmit={submit} aria-label="Déverrouiller l'écran">
        <Field
          label="Mot de passe"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
        <ErrorBanner error={unlock.error} />
        <button type="submit" className="primary" disabled={unlock.running}>
          {unlock.running ? 'Vérification…' : 'Déverrouiller'}
        </button>
      </form>
      <div className="lock-switch">
        <p className="muted small">
          Une autre personne doit utiliser ce poste ? La session de {session.fullName} sera fermée et ses saisies en cours perdues.
        </p>
        <button type="button" onClick={signOut} disabled={logout.running}>
          Fermer la session et changer d’utilisateur
        </button>
      </div>
    </Dialog>
  );
}
