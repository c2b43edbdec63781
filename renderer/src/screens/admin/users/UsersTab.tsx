import { useState } from 'react';
import type { UserSummary } from '../../../../../shared/domain/users';
import { ROLE_LABELS } from '../../../../../shared/domain/roles';
import { DataTable, type DataColumn } from '../../../components/DataTable';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { formatDateTime } from '../../../lib/format';
import { useQuery } from '../../../lib/useQuery';
import { CreateUserDialog } from './CreateUserDialog';
import { UserDialog } from './UserDialog';

function state(user: UserSummary): { label: string; tone: 'ok' | 'warn' | 'bad' } {
  if (!user.active) return { label: 'Désactivé', tone: 'bad' };
  if (user.lockedUntil) return { label: `Bloqué jusqu’à ${user.lockedUntil.slice(11, 16)}`, tone: 'bad' };
  if (user.mustChangePassword) return { label: 'Mot de passe à changer', tone: 'warn' };
  return { label: 'Actif', tone: 'ok' };
}

const COLUMNS: DataColumn<UserSummary>[] = [
  { key: 'login', header: 'Identifiant', value: (u) => u.login, render: (u) => <span className="mono">{u.login}</span>, width: '12rem' },
  { key: 'fullName', header: 'Nom complet', value: (u) => u.fullName },
  { key: 'roles', header: 'Rôles', value: (u) => u.roles.map((r) => ROLE_LABELS[r]).join(', ') },
  {
    key: 'state',
    header: 'État',
    value: (u) => state(u).label,
    render: (u) => <span className={`badge badge-${state(u).tone}`}>{state(u).label}</span>,
    width: '14rem',
  },
  {
    key: 'lastLogin',
    header: 'Dernière connexion',
    value: (u) => u.lastLoginAt ?? '',
    render: (u) => formatDateTime(u.lastLoginAt),
    width: '11rem',
  },
];

/** Administration › Utilisateurs: the facility's accounts. */
export function UsersTab() {
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const list = useQuery('users.list', {});

  return (
    <section className="card">
      <div className="card-head">
        <h2>Utilisateurs</h2>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          Nouveau compte
        </button>
      </div>
      <p className="muted small">Entrée ou clic sur une ligne : modifier le compte, réinitialiser son mot de passe, le désactiver.</p>
      <ErrorBanner error={list.error} />
      <DataTable
        label="Utilisateurs"
        rows={list.data ?? []}
        columns={COLUMNS}
        rowKey={(u) => u.login}
        csvName="utilisateurs.csv"
        onRowActivate={setEditing}
      />
      {creating ? <CreateUserDialog onClose={() => setCreating(false)} onCreated={list.reload} /> : null}
      {editing ? <UserDialog key={editing.login} user={editing} onClose={() => setEditing(null)} onChanged={list.reload} /> : null}
    </section>
  );
}
