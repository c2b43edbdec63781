// The names of the IPC channels between the preload and the main process, and the origin every call is checked against.
export const IPC_CALL = 'ramed:call';
export const IPC_EVENT = 'ramed:event';
export const IPC_FILE = 'ramed:file';
/** The fixed origin the window is served from; every IPC call is checked against it. */
export const APP_SCHEME = 'ramed';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
