import { api, type Api, type MethodName } from '../api';
import type { InputOf, OutputOf } from './contract';
import type { ApiEvent } from './events';
import type { ApiResult } from './result';

/** The one transport primitive: Electron's ipcRenderer.invoke, or a fetch to the browser host. */
export type Invoke = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

type GroupOf<N extends string> = N extends `${infer G}.${string}` ? G : never;
type MemberOf<N extends string, G extends string> = N extends `${G}.${infer M}` ? M : never;

type Call<N> = N extends MethodName ? (input: InputOf<Api[N]>) => Promise<ApiResult<OutputOf<Api[N]>>> : never;

export type Client = {
  [G in GroupOf<MethodName>]: { [M in MemberOf<MethodName, G>]: Call<`${G}.${M}`> };
};

/**
 * Builds `client.group.method(input)` for every method of the contract, as plain objects
 * (no Proxy) so that Electron's contextBridge can pass it to the page.
 */
export function createClient(invoke: Invoke): Client {
  const client: Record<string, Record<string, (input: unknown) => Promise<ApiResult<unknown>>>> = {};
  for (const name of Object.keys(api)) {
    const [group, member] = name.split('.') as [string, string];
    client[group] ??= {};
    client[group][member] = (input: unknown) => invoke(name, input ?? {});
  }
  return client as unknown as Client;
}

export type EventSubscribe = (listener: (event: ApiEvent) => void) => () => void;
