import type { Role } from '../../../shared/domain/roles';
import { generatePassword } from '../auth/password';
import { createUser } from '../auth/users';
import { saveFacility } from '../facility/facility';
import { DEMO_FACILITY_CODE } from '../facility/onboarding';
import { actingAs } from '../service-context';
import type { DemoPart } from './part';

const DEMO_USERS: Array<{ login: string; fullName: string; roles: Role[] }> = [
  { login: 'accueil', fullName: 'Aminata Traoré', roles: ['accueil'] },
  { login: 'pharmacie', fullName: 'Boubacar Coulibaly', roles: ['pharmacie'] },
  { login: 'gestionnaire', fullName: 'Fatoumata Diarra', roles: ['gestionnaire'] },
  { login: 'admin', fullName: 'Moussa Keïta', roles: ['admin'] },
];

export const demoFacilityAndUsers: DemoPart = {
  label: 'Établissement et comptes',
  async run(ctx) {
    const demo = actingAs(ctx.deps, 'démonstration');
    await demo.db.transaction().execute(async (trx) => {
      const inTrx = { ...demo, db: trx };
      await saveFacility(inTrx, {
        code: DEMO_FACILITY_CODE,
        name: 'CSCOM de Banconi (démonstration)',
        level: 'cscom',
        region: 'District de Bamako',
        cercle: 'Commune I',
        commune: 'Banconi',
      });
      for (const user of DEMO_USERS) {
        const password = `demo-${generatePassword(6)}`;
        await createUser(inTrx, { ...user, password, mustChangePassword: false });
        ctx.accounts.push({ ...user, password });
      }
    });
  },
};
