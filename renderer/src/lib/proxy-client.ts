import type { Client, Invoke } from '../../../shared/contract/client';

type Call = (input: unknown) => ReturnType<Invoke>;

/**
 * The browser host's client: `client.group.method(input)` sends `group.method` without knowing
 * the contract's list of methods. `createClient` (shared/contract/client.ts) reads that list from
 * the contract, whose zod schemas are built as it loads: the first screen would wait for them.
 * The names are still checked twice: by the `Client` type here, by the host on arrival.
 */
export function proxyClient(invoke: Invoke): Client {
  // One function per method, made once: a screen may keep `ramed.group.method` in a hook's
  // dependencies, which must not change at every render, as a plain object's would not.
  const calls = new Map<string, Call>();
  const call = (method: string): Call => {
    let made = calls.get(method);
    if (!made) {
      made = (input) => invoke(method, input ?? {});
      calls.set(method, made);
    }
    return made;
  };
  // Not a method: `then` (a client is not a promise, `await` must not call it) and symbols.
  const nameOf = (key: string | symbol) => (typeof key === 'string' && key !== 'then' ? key : null);
  const groups = new Map<string, object>();
  const group = (groupName: string) => {
    let made = groups.get(groupName);
    if (!made) {
      made = new Proxy({}, { get: (_, key) => (nameOf(key) === null ? undefined : call(`${groupName}.${String(key)}`)) });
      groups.set(groupName, made);
    }
    return made;
  };
  return new Proxy({} as Client, { get: (_, key) => (nameOf(key) === null ? undefined : group(String(key))) });
}
