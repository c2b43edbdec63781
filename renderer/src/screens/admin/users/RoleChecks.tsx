import { ROLE_LABELS, ROLES, type Role } from '../../../../../shared/domain/roles';

const ROLE_HINTS: Record<Role, string> = {
  accueil: 'vérifie les droits, ouvre les épisodes de soins',
  pharmacie: 'délivre les médicaments, tient le stock',
  gestionnaire: 'prépare, signe et envoie les réclamations',
  admin: 'comptes, paramètres, imports, sauvegardes',
};

/** The roles of an account, as checkboxes with what each role does. */
export function RoleChecks({ value, onChange, error }: { value: Role[]; onChange: (roles: Role[]) => void; error?: string | undefined }) {
  return (
    <fieldset className={`field roles${error ? ' field-invalid' : ''}`} aria-describedby={error ? 'roles-error' : undefined}>
      <legend>Rôles</legend>
      {ROLES.map((role) => (
        <label key={role} className="check">
          <input
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
          />
          <span>
            <strong>{ROLE_LABELS[role]}</strong> <span className="muted small">— {ROLE_HINTS[role]}</span>
          </span>
        </label>
      ))}
      {error ? (
        <small id="roles-error" className="field-error">
          {error}
        </small>
      ) : null}
    </fieldset>
  );
}
