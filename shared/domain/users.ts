import { z } from 'zod';
import { ROLES, type Role } from './roles';

export const PASSWORD_MIN_LENGTH = 8;

export const loginName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'Identifiant de 3 à 32 caractères : lettres sans accent, chiffres, point, tiret');

export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères`)
  .max(200, 'Mot de passe trop long');

export const fullName = z.string().trim().min(2, 'Nom complet trop court').max(120, 'Nom complet trop long');
export const roleList = z.array(z.enum(ROLES)).min(1, 'Choisissez au moins un rôle').max(ROLES.length);

export interface SessionInfo {
  userId: number;
  login: string;
  fullName: string;
  roles: Role[];
  mustChangePassword: boolean;
}

export interface UserSummary {
  id: number;
  login: string;
  fullName: string;
  roles: Role[];
  active: boolean;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
}

/** The signed-in session as the window sees it: who, and whether the screen must stay locked. */
export interface SessionState extends SessionInfo {
  locked: boolean;
  /** The screen locks after this many minutes without a key press or click (`lock.inactivityMinutes`). */
  lockAfterMinutes: number;
}

/** An account with the one-time password just given to it: shown once, never stored in clear or audited. */
export interface UserWithPassword {
  user: UserSummary;
  oneTimePassword: string;
}

/** A login already in the table (older accounts may predate the current format rules). */
export const existingLogin = z.string().trim().toLowerCase().min(1, 'Indiquez l’identifiant').max(64, 'Identifiant trop long');
