import type { UserWithPassword } from '../../../../../shared/domain/users';

/** The one-time password, shown once: the administrator hands it over, the user changes it at first sign-in. */
export function OneTimePassword({ result, onDone }: { result: UserWithPassword; onDone: () => void }) {
  return (
    <div className="stack" role="status">
      <p>
        Mot de passe à usage unique de <strong>{result.user.fullName}</strong> (identifiant{' '}
        <span className="mono">{result.user.login}</span>) :
      </p>
      <p className="otp mono" aria-label="Mot de passe à usage unique">
        {result.oneTimePassword}
      </p>
      <p className="banner banner-warn">
        Notez-le et remettez-le à la personne : il ne sera plus jamais affiché. Elle choisira son propre mot de passe à la première
        connexion.
      </p>
      <button type="button" className="primary" onClick={onDone} autoFocus>
        J’ai noté le mot de passe
      </button>
    </div>
  );
}
