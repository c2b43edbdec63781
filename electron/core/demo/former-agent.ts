import { generatePassword } from '../auth/password';
import { createUser } from '../auth/users';
import { actingAs } from '../service-context';
import type { DemoPart } from './part';

/** A former reception agent whose account was deactivated: the Utilisateurs tab shows every state. */
export const demoFormerAgent: DemoPart = {
  label: 'Compte désactivé d’un ancien agent',
  async run(ctx) {
    const demo = actingAs(ctx.deps, 'démonstration');
    await demo.db.transaction().execute(async (trx) => {
      const row = await createUser(
        { ...demo, db: trx },
        // Nobody knows the password: the account is closed.
        { login: 'osidibe', fullName: 'Ousmane Sidibé', roles: ['accueil'], password: generatePassword(16), mustChangePassword: false },
      );
      await trx.updateTable('app_user').set({ active: 0 }).where('id', '=', row.id).execute();
    });
  },
};
