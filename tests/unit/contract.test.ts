import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { api } from '../../shared/api/index';
import { defineMethod, returns } from '../../shared/contract/contract';
import { createClient } from '../../shared/contract/client';
import { ROLES } from '../../shared/domain/roles';
import { handlers } from '../../electron/core/handlers/index';

describe('the contract', () => {
  const names = Object.keys(api);

  it('has a handler for every method and no handler without a method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...names].sort());
  });

  it.each(names)('%s is well declared', (name) => {
    const def = api[name as keyof typeof api];
    expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(['query', 'command']).toContain(def.kind);
    if (Array.isArray(def.access)) {
      expect(def.access.length).toBeGreaterThan(0);
      for (const role of def.access) expect(ROLES).toContain(role);
    } else {
      expect(['public', 'any']).toContain(def.access);
    }
  });

  // Reviewed lists, as PUBLIC_METHODS is: a flag added to another method must be added here on purpose.
  const flagged = (flag: 'allowedWhileLocked' | 'allowedBeforePasswordChange' | 'marksActivity' | 'ownTransactions') =>
    names.filter((name) => api[name as keyof typeof api][flag] === true).sort();

  it('lets a locked session only unlock, lock or sign out', () => {
    expect(flagged('allowedWhileLocked')).toEqual(['auth.lock', 'auth.logout', 'auth.unlock']);
  });

  it('lets a user with a temporary password only change it, or lock, unlock, sign out and show activity', () => {
    expect(flagged('allowedBeforePasswordChange')).toEqual([
      'auth.activity',
      'auth.changePassword',
      'auth.lock',
      'auth.logout',
      'auth.unlock',
    ]);
  });

  it('counts as activity every command and, of the queries, only the window’s report of keys and clicks', () => {
    expect(flagged('marksActivity')).toEqual(['auth.activity']);
  });

  it('runs the sign-in outside a transaction, so that its failed attempts stay counted', () => {
    expect(flagged('ownTransactions')).toContain('auth.login');
  });

  it('builds a client method per contract method, each calling invoke with its name', async () => {
    const calls: Array<[string, unknown]> = [];
    const client = createClient(async (method, input) => {
      calls.push([method, input]);
      return { ok: true, value: method };
    }) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
    for (const name of names) {
      const [group, member] = name.split('.') as [string, string];
      await expect(client[group]![member]!({ x: 1 })).resolves.toEqual({ ok: true, value: name });
    }
    expect(calls.map((c) => c[0])).toEqual(names);
  });

  it('builds a method’s input schema at its first use, once, not when the method is declared', () => {
    let built = 0;
    const def = defineMethod({
      input: () => {
        built += 1;
        return z.strictObject({ name: z.string().max(10) });
      },
      output: returns<null>(),
      access: 'any',
      kind: 'query',
    });
    expect(built).toBe(0);
    expect(def.input.safeParse({ name: 'Awa' }).success).toBe(true);
    expect(def.input.safeParse({ name: 'Awa', extra: 1 }).success).toBe(false);
    expect(def.input).toBe(def.input);
    expect(built).toBe(1);
    expect({ kind: def.kind, access: def.access }).toEqual({ kind: 'query', access: 'any' });
  });
});
