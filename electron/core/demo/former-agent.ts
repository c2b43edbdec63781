import { generatePassword } from '../auth/password';
import { createUser } from '../auth/users';
import type { DemoPart } from './part';

/** A former reception agent whose account was deactivated: the Utilisateurs tab shows every state. */
export const demoFormerAgent: DemoPart = {
  label: 'Compte désactivé d’un ancien agent',
  async run(ctx) {
    const { handle, clock } = ctx.deps;
    await handle.db.transaction().execute(async (trx) => {
      const row = await createUser(trx, clock, {
        login: 'osidibe',
        fullName: 'Ousmane Sidibé',
        roles: ['accueil'],
        // Nobody knows it: the account is closed.
        password: generatePassword(16),
        mustChangePassword: false,
      });
      await trx.updateTable('app_user').set({ active: 0 }).where('id', '=', row.id).execute();
    });
  },
};
