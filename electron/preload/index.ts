import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createClient } from '../../shared/contract/client';
import type { ApiEvent } from '../../shared/contract/events';
import type { ApiResult } from '../../shared/contract/result';
import { IPC_CALL, IPC_EVENT, IPC_FILE } from '../../shared/contract/ipc-channels';

// The page gets the typed client and an event subscription, nothing else of Node or Electron.
const client = createClient((method, input) => ipcRenderer.invoke(IPC_CALL, method, input) as Promise<ApiResult<unknown>>);

contextBridge.exposeInMainWorld('ramed', client);
contextBridge.exposeInMainWorld('ramedEvents', {
  subscribe(listener: (event: ApiEvent) => void) {
    const handler = (_: unknown, event: ApiEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
});

// A file the user picked: main registers its path and the page gets an opaque reference.
contextBridge.exposeInMainWorld('ramedFiles', {
  register: (file: File) => ipcRenderer.invoke(IPC_FILE, webUtils.getPathForFile(file)) as Promise<ApiResult<unknown>>,
});
