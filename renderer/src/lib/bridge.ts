import type { Client, EventSubscribe, Invoke } from '../../../shared/contract/client';
import type { ApiEvent } from '../../../shared/contract/events';
import type { InputOf, OutputOf } from '../../../shared/contract/contract';
import { fail, type ApiResult } from '../../../shared/contract/result';
import type { Api, MethodName } from '../../../shared/api';
import { proxyClient } from './proxy-client';

declare global {
  interface Window {
    /** Set by the Electron preload: the client built from the contract over IPC. */
    ramed?: Client;
    ramedEvents?: { subscribe: EventSubscribe };
  }
}

/** The browser host's per-run token and this tab's client id (browser host only). */
export function hostCredentials(): { token: string; clientId: string } {
  let clientId = sessionStorage.getItem('ramed.client');
  if (!clientId) {
    clientId = crypto.randomUUID();
    sessionStorage.setItem('ramed.client', clientId);
  }
  return { token: sessionStorage.getItem('ramed.token') ?? '', clientId };
}

interface BrowserBridge {
  invoke: Invoke;
  subscribe: EventSubscribe;
}

/** In the browser host: the same contract over fetch, with the per-run token from the address. */
function browserBridge(): BrowserBridge {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem('ramed.token', fromUrl);
    params.delete('token');
    const rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? `?${rest}` : ''));
  }
  const { token, clientId } = hostCredentials();
  const invoke: Invoke = async (method, input) => {
    try {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ramed-token': token, 'x-ramed-client': clientId },
        body: JSON.stringify({ method, input }),
      });
      return await response.json();
    } catch {
      return fail('TRANSPORT', 'Le service local ne répond pas. Vérifiez que l’application est toujours lancée.');
    }
  };
  const listeners = new Set<(e: ApiEvent) => void>();
  let source: EventSource | null = null;
  const subscribe: EventSubscribe = (listener) => {
    listeners.add(listener);
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}&client=${encodeURIComponent(clientId)}`);
    source.onmessage = (message) => listeners.forEach((l) => l(JSON.parse(message.data) as ApiEvent));
    return () => listeners.delete(listener);
  };
  return { invoke, subscribe };
}

const browser = window.ramed ? null : browserBridge();

/** The typed client: `ramed.auth.login({...})` answers `{ok, value}` or `{ok:false, error}`. */
export const ramed: Client = window.ramed ?? proxyClient(browser!.invoke);
export const subscribe: EventSubscribe = window.ramedEvents?.subscribe ?? browser!.subscribe;

type AnyCall = (input: unknown) => Promise<ApiResult<unknown>>;

/** Calls a contract method by its name (`'claims.get'`), typed from the contract: what the data hooks use. */
export function callMethod<N extends MethodName>(method: N, input: InputOf<Api[N]>): Promise<ApiResult<OutputOf<Api[N]>>> {
  const [group, member] = method.split('.') as [string, string];
  const call = (ramed as unknown as Record<string, Record<string, AnyCall>>)[group]![member]!;
  return call(input) as Promise<ApiResult<OutputOf<Api[N]>>>;
}
