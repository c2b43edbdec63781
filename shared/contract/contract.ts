import type { z } from 'zod';
import type { Role } from '../domain/roles';

/**
 * Who may call a method: `public` (no session: setup, login), `any` (any signed-in user),
 * or a list of roles.
 */
export type Access = 'public' | 'any' | readonly Role[];

/** A `command` changes state: the dispatcher runs it in a transaction and audits it. */
export type MethodKind = 'query' | 'command';

declare const outputBrand: unique symbol;
/** Carries the output type of a method at the type level only. */
export interface Returns<O> {
  readonly [outputBrand]?: O;
}
export const returns = <O>(): Returns<O> => ({});

/** A method as declared, but for its input schema. */
export interface MethodTraits<O = unknown> {
  output: Returns<O>;
  access: Access;
  kind: MethodKind;
  /** Entity named in the audit trail for commands (e.g. `facility`, `user`). */
  entity?: string;
  /**
   * Runs outside the dispatcher's transaction and is audited after it: long commands that manage
   * their own transactions (imports, backups), and the sign-in, whose failed attempts must stay
   * counted when it refuses.
   */
  ownTransactions?: boolean;
  /** May be called by a session whose screen is locked (to unlock it, or to sign out). */
  allowedWhileLocked?: boolean;
  /** May be called by a user who must change a temporary password first. */
  allowedBeforePasswordChange?: boolean;
  /** A query that counts as the user's activity (keeps the desk unlocked), as every command does. */
  marksActivity?: boolean;
  /** Input fields never written to the audit (passwords). */
  secret?: readonly string[];
}

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> extends MethodTraits<O> {
  readonly input: I;
}

/**
 * Declares a method. Its input schema is written as a function, built on the first call that
 * needs it and kept: loading the contract (the `ramed` command, the preload, the browser host)
 * then costs no zod construction for the hundred methods a process mostly never calls.
 */
export function defineMethod<I extends z.ZodType, O>({ input: build, ...def }: MethodTraits<O> & { input: () => I }): MethodDef<I, O> {
  let input: I | undefined;
  return {
    ...def,
    get input() {
      return (input ??= build());
    },
  };
}

export type ApiMap = Record<string, MethodDef>;
export type InputOf<M> = M extends MethodDef<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodDef<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodDef<z.ZodType, infer O> ? O : never;

import { z as zod } from 'zod';
/** Long methods take an optional `jobId` chosen by the window: progress events carry it, `jobs.cancel` names it. */
export const jobId = zod.string().min(1).max(64).optional();
