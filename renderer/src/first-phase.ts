import { loadPhase } from './phase';

/**
 * The app's first question to the core, asked as soon as the script starts running: main.tsx
 * imports this module before React, so the answer travels while React is read and the page
 * built, instead of after the first render.
 */
export const firstPhase = loadPhase();
