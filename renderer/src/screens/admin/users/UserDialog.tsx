import { useState } from 'react';
import type { UserSummary, UserWithPassword } from '../../../../../shared/domain/users';
import { Dialog } from '../../../components/Dialog';
import { useCommand } from '../../../lib/useCommand';
import { ConfirmChange } from './ConfirmChange';
import { OneTimePassword } from './OneTimePassword';
import { UserEditForm, type UserDraft } from './UserEditForm';

type View = 'edit' | 'confirm-reset' | 'confirm-deactivate';

/** One account: its name and roles, a password reset, deactivation (each change confirmed). */
export function UserDialog({ user, onClose, onChanged }: { user: UserSummary; onClose: () => void; onChanged: () => void }) {
  const [view, setView] = useState<View>('edit');
  const [draft, setDraft] = useState<UserDraft>({ fullName: user.fullName, roles: user.roles, saved: false });
  const [reset, setReset] = useState<UserWithPassword | null>(null);
  const resetCall = useCommand('users.resetPassword');
  const activeCall = useCommand('users.setActive');

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
      <ConfirmChange
        title="Réinitialiser le mot de passe"
        confirm="Réinitialiser le mot de passe"
        running={resetCall.running}
        error={resetCall.error}
        onConfirm={() => void doReset()}
        onCancel={() => setView('edit')}
      >
        Un nouveau mot de passe à usage unique remplacera celui de <strong>{user.fullName}</strong>. L’ancien ne fonctionnera plus, ses
        sessions ouvertes seront fermées{user.lockedUntil ? ' et le blocage du compte sera levé' : ''}.
      </ConfirmChange>
    );
  }
  if (view === 'confirm-deactivate') {
    return (
      <ConfirmChange
        title="Désactiver le compte"
        confirm="Désactiver le compte"
        danger
        running={activeCall.running}
        error={activeCall.error}
        onConfirm={() => void setActive(false)}
        onCancel={() => setView('edit')}
      >
        <strong>{user.fullName}</strong> ne pourra plus se connecter et sa session ouverte sera fermée. Le compte et son historique restent
        dans le journal d’audit ; vous pourrez le réactiver.
      </ConfirmChange>
    );
  }

  return (
    <Dialog title={title} onClose={onClose}>
      <UserEditForm
        user={user}
        draft={draft}
        onDraft={setDraft}
        onChanged={onChanged}
        onAskReset={() => setView('confirm-reset')}
        onAskDeactivate={() => setView('confirm-deactivate')}
        onReactivate={() => void setActive(true)}
        activation={activeCall}
      />
    </Dialog>
  );
}
