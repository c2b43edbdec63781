import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, type SessionInfo } from '../../../shared/domain/users';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { useCommand } from '../lib/useCommand';

/**
 * Changing one's password. Right after signing in with a one-time password, `current` is the one
 * just typed: the form does not ask for it again (unless the core refuses it).
 */
export function ChangePasswordScreen({
  session,
  onDone,
  forced,
  current: known = null,
}: {
  session: SessionInfo;
  onDone: () => void;
  forced?: boolean;
  current?: string | null;
}) {
  const [current, setCurrent] = useState(known ?? '');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const { run, running: pending, error } = useCommand('auth.changePassword');
  const askCurrent = known === null || Boolean(error?.fields?.current);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (next !== confirm) return setMismatch(true);
    setMismatch(false);
    if (await run({ current, next })) onDone();
  }

  return (
    <main className="centered narrow">
      <form className="card" noValidate onSubmit={submit} aria-label="Changer le mot de passe">
        <h2>Changer le mot de passe</h2>
        {forced ? <p>Bonjour {session.fullName}, choisissez votre propre mot de passe avant de commencer.</p> : null}
        {askCurrent ? (
          <Field
            label="Mot de passe actuel"
            type="password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
            autoFocus
            required
            error={error?.fields?.current}
          />
        ) : null}
        <Field
          label="Nouveau mot de passe"
          type="password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          autoFocus={!askCurrent}
          required
          hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères.`}
          error={error?.fields?.next}
        />
        <Field
          label="Confirmer le nouveau mot de passe"
          type="password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          required
          error={mismatch ? 'Les deux saisies ne correspondent pas' : undefined}
        />
        <ErrorBanner error={error} />
        <button type="submit" className="primary" disabled={pending}>
          Enregistrer
        </button>
      </form>
    </main>
  );
}
