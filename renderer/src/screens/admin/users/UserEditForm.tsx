import type { FormEvent } from 'react';
import type { ApiError } from '../../../../../shared/contract/result';
import type { Role } from '../../../../../shared/domain/roles';
import type { UserSummary } from '../../../../../shared/domain/users';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { bannerError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { useCommand } from '../../../lib/useCommand';
import { RoleChecks } from './RoleChecks';

/** What the form holds; kept by the dialog, so that a confirmation opened and cancelled loses nothing. */
export interface UserDraft {
  fullName: string;
  roles: Role[];
  saved: boolean;
}

interface Props {
  user: UserSummary;
  draft: UserDraft;
  onDraft(change: (draft: UserDraft) => UserDraft): void;
  onChanged(): void;
  onAskReset(): void;
  onAskDeactivate(): void;
  onReactivate(): void;
  /** The (re)activation under way, and its error. */
  activation: { running: boolean; error: ApiError | null };
}

/** The account's name and roles, saved here; the password reset and (de)activation are asked of the dialog. */
export function UserEditForm({ user, draft, onDraft, onChanged, onAskReset, onAskDeactivate, onReactivate, activation }: Props) {
  const update = useCommand('users.update');
  const { fullName, roles, saved } = draft;

  async function save(event: FormEvent) {
    event.preventDefault();
    onDraft((d) => ({ ...d, saved: false }));
    if (await update.run({ login: user.login, fullName, roles })) {
      onDraft((d) => ({ ...d, saved: true }));
      onChanged();
    }
  }

  return (
    <>
      <p className="muted small">
        {user.active ? 'Compte actif' : 'Compte désactivé'} · dernière connexion : {formatDateTime(user.lastLoginAt)}
        {user.lockedUntil ? ` · bloqué jusqu’à ${user.lockedUntil.slice(11, 16)} après trop d’échecs` : ''}
      </p>
      <form noValidate onSubmit={save} aria-label="Identité et rôles">
        <Field
          label="Nom complet"
          value={fullName}
          onChange={(e) => onDraft((d) => ({ ...d, fullName: e.target.value }))}
          required
          error={update.error?.fields?.fullName}
        />
        <RoleChecks value={roles} onChange={(next) => onDraft((d) => ({ ...d, roles: next }))} error={update.error?.fields?.roles} />
        <ErrorBanner error={bannerError(update.error)} />
        {saved ? (
          <p className="banner banner-ok" role="status">
            Modifications enregistrées.
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="primary" disabled={update.running}>
            Enregistrer
          </button>
          <button type="button" onClick={onAskReset}>
            Réinitialiser le mot de passe…
          </button>
          {user.active ? (
            <button type="button" className="outline-danger" onClick={onAskDeactivate}>
              Désactiver…
            </button>
          ) : (
            <button type="button" onClick={onReactivate} disabled={activation.running}>
              Réactiver le compte
            </button>
          )}
        </div>
        <ErrorBanner error={activation.error} />
      </form>
    </>
  );
}
