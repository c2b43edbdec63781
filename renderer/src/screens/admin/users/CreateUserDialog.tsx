import { useState, type FormEvent } from 'react';
import type { UserWithPassword } from '../../../../../shared/domain/users';
import type { Role } from '../../../../../shared/domain/roles';
import { Dialog } from '../../../components/Dialog';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { bannerError } from '../../../lib/errors';
import { useCommand } from '../../../lib/useCommand';
import { OneTimePassword } from './OneTimePassword';
import { RoleChecks } from './RoleChecks';

export function CreateUserDialog({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const [login, setLogin] = useState('');
  const [fullName, setFullName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [created, setCreated] = useState<UserWithPassword | null>(null);
  const create = useCommand('users.create');
  const fields = create.error?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await create.run({ login, fullName, roles });
    if (result) {
      setCreated(result);
      onCreated();
    }
  }

  return (
    <Dialog title={created ? 'Compte créé' : 'Nouveau compte'} onClose={onClose}>
      {created ? (
        <OneTimePassword result={created} onDone={onClose} />
      ) : (
        <form noValidate onSubmit={submit} aria-label="Nouveau compte">
          <div className="grid-2">
            <Field
              label="Identifiant"
              value={login}
              onChange={(e) => setLogin(e.target.value)}
              required
              autoComplete="off"
              hint="3 à 32 caractères : lettres sans accent, chiffres, point, tiret."
              error={fields.login}
            />
            <Field label="Nom complet" value={fullName} onChange={(e) => setFullName(e.target.value)} required error={fields.fullName} />
          </div>
          <RoleChecks value={roles} onChange={setRoles} error={fields.roles} />
          <p className="muted small">Un mot de passe à usage unique sera créé et affiché une seule fois.</p>
          <ErrorBanner error={bannerError(create.error)} />
          <div className="actions">
            <button type="submit" className="primary" disabled={create.running}>
              Créer le compte
            </button>
            <button type="button" onClick={onClose}>
              Annuler
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
