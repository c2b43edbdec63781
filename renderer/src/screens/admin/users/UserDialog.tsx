import { useState, type FormEvent } from 'react';
import type { UserSummary, UserWithPassword } from '../../../../../shared/domain/users';
import type { Role } from '../../../../../shared/domain/roles';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { ramed } from '../../../lib/bridge';
import { bannerError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useCall } from '../../../lib/useCall';
import { OneTimePassword } from './OneTimePassword';
import { RoleChecks } from './RoleChecks';

type View = 'edit' | 'confirm-reset' | 'confirm-deactivate';

/** One account: its name and roles, a password reset, deactivation (each change confirmed). */
export function UserDialog({ user, onClose, onChanged }: { user: UserSummary; onClose: () => void; onChanged: () => void }) {
  const [view, setView] = useState<View>('edit');
  const [fullName, setFullName] = useState(user.fullName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [saved, setSaved] = useState(false);
  const [reset, setReset] = useState<UserWithPassword | null>(null);
  const update = useCall(ramed.users.update);
  const resetCall = useCall(ramed.users.resetPassword);
  const activeCall = useCall(ramed.users.setActive);

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (await update.run({ login: user.login, fullName, roles })) {
      setSaved(true);
      onChanged();
    }
  }

  async function doReset() {
    const result = await resetCall.run({ login: user.login });
    if (result) {
      setReset(result);
      onChanged();
    }
  }

  async function setActive(active: boolean) {
    if (await activeCall.run({ login: user.login, active })) {
      onChanged();
      onClose();
    }
  }

  const title = `Compte « ${user.login} »`;
  if (reset) {
    return (
      <Dialog title={title} onClose={onClose}>
        <OneTimePassword result={reset} onDone={onClose} />
      </Dialog>
    );
  }
  if (view === 'confirm-reset') {
    return (
      <Dialog title="Réinitialiser le mot de passe" onClose={() => setView('edit')}>
        <p>
          Un nouveau mot de passe à usage unique remplacera celui de <strong>{user.fullName}</strong>. L’ancien ne fonctionnera plus, ses
          sessions ouvertes seront fermées{user.lockedUntil ? ' et le blocage du compte sera levé' : ''}.
        </p>
        <ErrorBanner error={resetCall.error} />
        <div className="actions">
          <button type="button" className="primary" onClick={doReset} disabled={resetCall.pending} autoFocus>
            Réinitialiser le mot de passe
          </button>
          <button type="button" onClick={() => setView('edit')}>
            Annuler
          </button>
        </div>
      </Dialog>
    );
  }
  if (view === 'confirm-deactivate') {
    return (
      <Dialog title="Désactiver le compte" onClose={() => setView('edit')}>
        <p>
          <strong>{user.fullName}</strong> ne pourra plus se connecter et sa session ouverte sera fermée. Le compte et son historique
          restent dans le journal d’audit ; vous pourrez le réactiver.
        </p>
        <ErrorBanner error={activeCall.error} />
        <div className="actions">
          <button type="button" className="primary danger" onClick={() => setActive(false)} disabled={activeCall.pending} autoFocus>
            Désactiver le compte
          </button>
          <button type="button" onClick={() => setView('edit')}>
            Annuler
          </button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <p className="muted small">
        {user.active ? 'Compte actif' : 'Compte désactivé'} · dernière connexion : {formatDateTime(user.lastLoginAt)}
        {user.lockedUntil ? ` · bloqué jusqu’à ${user.lockedUntil.slice(11, 16)} après trop d’échecs` : ''}
      </p>
      <form noValidate onSubmit={save} aria-label="Identité et rôles">
        <Field
          label="Nom complet"
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
          required
          error={update.error?.fields?.fullName}
        />
        <RoleChecks value={roles} onChange={setRoles} error={update.error?.fields?.roles} />
        <ErrorBanner error={bannerError(update.error)} />
        {saved ? (
          <p className="banner banner-ok" role="status">
            Modifications enregistrées.
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={update.pending}>
            Enregistrer
          </button>
          <button type="button" onClick={() => setView('confirm-reset')}>
            Réinitialiser le mot de passe…
          </button>
          {user.active ? (
            <button type="button" className="outline-danger" onClick={() => setView('confirm-deactivate')}>
              Désactiver…
            </button>
          ) : (
            <button type="button" onClick={() => setActive(true)} disabled={activeCall.pending}>
              Réactiver le compte
            </button>
          )}
        </div>
        <ErrorBanner error={activeCall.error} />
      </form>
    </Dialog>
  );
}
