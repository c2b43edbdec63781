import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface LazySection<P> {
  /** Renders under a <Suspense>: the code arrives the first time it is shown. */
  component: LazyExoticComponent<ComponentType<P>>;
  /** Fetches the code ahead of time (once); a failed fetch may be tried again. */
  preload: () => Promise<unknown>;
}

/**
 * A section whose code is its own chunk, fetched on demand: the first screen (login, shell,
 * reception) does not wait for the statistics' charts or the administration. `load` must be a
 * literal `import('./screens/…')` for the bundler to make the chunk.
 */
export function lazySection<P>(load: () => Promise<ComponentType<P>>): LazySection<P> {
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const fetchOnce = () =>
    (pending ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  return { component: lazy(fetchOnce), preload: fetchOnce };
}
