import type { DemoAccount } from '../../../shared/domain/system';
import { ROLE_LABELS } from '../../../shared/domain/roles';

/** The demo database's accounts, one a role, to note before going to the login. */
export function DemoAccounts({ accounts, onDone }: { accounts: readonly DemoAccount[]; onDone(): void }) {
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
