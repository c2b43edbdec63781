import { describe, expect, it } from 'vitest';
import { api, type MethodName } from '../../shared/api';
import { createClient, type Invoke } from '../../shared/contract/client';
import { ok } from '../../shared/contract/result';
import { proxyClient } from '../../renderer/src/lib/proxy-client';

type Calls = Array<{ method: string; input: unknown }>;

function recording(): { invoke: Invoke; calls: Calls } {
  const calls: Calls = [];
  return { calls, invoke: async (method, input) => (calls.push({ method, input }), ok(null)) };
}

const member = (client: unknown, name: MethodName) => {
  const [group, method] = name.split('.') as [string, string];
  return (client as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>)[group]![method]!;
};

describe('the browser client without the contract (proxy-client.ts)', () => {
  it('sends what the contract’s client sends, for every method of the contract', async () => {
    const byProxy = recording();
    const byContract = recording();
    const proxy = proxyClient(byProxy.invoke);
    const contract = createClient(byContract.invoke);
    for (const name of Object.keys(api) as MethodName[]) {
      await member(proxy, name)({ marker: name });
      await member(contract, name)({ marker: name });
      await member(proxy, name)();
      await member(contract, name)();
    }
    expect(byProxy.calls).toEqual(byContract.calls);
    expect(byProxy.calls).toContainEqual({ method: 'auth.session', input: {} });
  });

  it('gives the same function for a method each time: hooks that depend on its identity do not loop', () => {
    const client = proxyClient(recording().invoke);
    expect(client.tariffs.list).toBe(client.tariffs.list);
    expect(client.tariffs).toBe(client.tariffs);
    expect(client.auth.login).not.toBe(client.auth.session);
  });

  it('is not taken for a promise', async () => {
    const client = proxyClient(recording().invoke);
    expect((client as unknown as { then?: unknown }).then).toBeUndefined();
    expect((client.auth as unknown as { then?: unknown }).then).toBeUndefined();
    await expect(Promise.resolve(client)).resolves.toBe(client);
  });
});
