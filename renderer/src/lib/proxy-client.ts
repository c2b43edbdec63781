import type { Client, Invoke } from '../../../shared/contract/client';

/**
 * The browser host's client: `client.group.method(input)` sends `group.method` without knowing
 * the contract's list of methods. `createClient` (shared/contract/client.ts) reads that list from
 * the contract, whose zod schemas are built as it loads: the first screen would wait for them.
 * The names are still checked twice: by the `Client` type here, by the host on arrival.
 */
export function proxyClient(invoke: Invoke): Client {
  const groups = new Map<string, object>();
  // Not a method: `then` (a client is not a promise, `await` must not call it) and symbols.
  const name = (key: string | symbol) => (typeof key === 'string' && key !== 'then' ? key : null);
  const group = (groupName: string) =>
    new Proxy(
      {},
      {
        get: (_, key) => {
          const member = name(key);
          return member === null ? undefined : (input: unknown) => invoke(`${groupName}.${member}`, input ?? {});
        },
      },
    );
  return new Proxy({} as Client, {
    get: (_, key) => {
      const groupName = name(key);
      if (groupName === null) return undefined;
      if (!groups.has(groupName)) groups.set(groupName, group(groupName));
      return groups.get(groupName);
    },
  });
}
