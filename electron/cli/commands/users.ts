import type { UserSummary } from '../../../shared/domain/users';
import { ROLE_LABELS, ROLES, type Role } from '../../../shared/domain/roles';
import { UsageError, type CliCommand } from '../command';

const roleNames = (roles: Role[]) => roles.map((r) => ROLE_LABELS[r]).join(', ');

function state(user: UserSummary): string {
  if (!user.active) return 'désactivé';
  if (user.lockedUntil) return `bloqué jusqu'à ${user.lockedUntil.slice(11, 16)}`;
  if (user.mustChangePassword) return 'mot de passe à changer';
  return 'actif';
}

export const usersAddCommand: CliCommand = {
  name: 'users add',
  summary: 'crée un compte et affiche son mot de passe à usage unique',
  usage: `users add IDENTIFIANT --role ${ROLES.join('|')} [--role …] --name "NOM COMPLET"`,
  options: { role: { type: 'string', multiple: true }, name: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(ctx, { values, positionals }) {
    const roles = (values.role as unknown as string[] | undefined) ?? [];
    if (roles.length === 0) throw new UsageError(`Indiquez au moins un rôle : --role ${ROLES.join('|')}`);
    if (typeof values.name !== 'string') throw new UsageError('Option obligatoire manquante : --name "Prénom Nom"');
    const created = await ctx.call('users.create', { login: positionals[0]!, fullName: values.name, roles: roles as Role[] });
    return {
      json: created,
      text: [
        `Compte « ${created.user.login} » créé pour ${created.user.fullName} (${roleNames(created.user.roles)}).`,
        `Mot de passe à usage unique : ${created.oneTimePassword}`,
        'Remettez-le à la personne : il ne sera plus affiché, et devra être changé à la première connexion.',
      ].join('\n'),
    };
  },
};

export const usersListCommand: CliCommand = {
  name: 'users list',
  summary: 'liste les comptes, leurs rôles et leur état',
  usage: 'users list',
  async run(ctx) {
    const users = await ctx.call('users.list', {});
    const lines = users.map(
      (u) =>
        `${u.login.padEnd(16)} ${u.fullName.padEnd(28)} ${roleNames(u.roles).padEnd(30)} ${state(u).padEnd(24)} ${u.lastLoginAt ?? '—'}`,
    );
    const header = `${'IDENTIFIANT'.padEnd(16)} ${'NOM'.padEnd(28)} ${'RÔLES'.padEnd(30)} ${'ÉTAT'.padEnd(24)} DERNIÈRE CONNEXION`;
    return { json: users, text: [header, ...lines].join('\n') };
  },
};

export const usersResetCommand: CliCommand = {
  name: 'users reset',
  summary: 'donne un nouveau mot de passe à usage unique (et débloque le compte)',
  usage: 'users reset IDENTIFIANT',
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals }) {
    const reset = await ctx.call('users.resetPassword', { login: positionals[0]! });
    return {
      json: reset,
      text: [
        `Nouveau mot de passe à usage unique pour « ${reset.user.login} » : ${reset.oneTimePassword}`,
        'L’ancien ne fonctionne plus, les sessions ouvertes sont fermées ; il devra être changé à la première connexion.',
      ].join('\n'),
    };
  },
};
