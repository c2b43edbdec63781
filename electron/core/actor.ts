import type { Role } from '../../shared/domain/roles';

/** Who acts: a signed-in user, or the command line acting as the facility's administrator. */
export interface Actor {
  userId: number | null;
  login: string;
  fullName: string;
  roles: Role[];
}
