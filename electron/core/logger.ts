export interface Logger {
  info(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message, extra) => console.error(`[ramed] ${message}`, extra ?? ''),
  error: (message, extra) => console.error(`[ramed] ERREUR ${message}`, extra ?? ''),
};

export const silentLogger: Logger = { info: () => {}, error: () => {} };
