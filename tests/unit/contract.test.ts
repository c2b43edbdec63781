import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api/index';
import { createClient } from '../../shared/client';
import { ROLES } from '../../shared/roles';
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
});
