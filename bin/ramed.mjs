#!/usr/bin/env node
// The `ramed` command: runs the TypeScript CLI through tsx (the same code `npm run ramed` runs).
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/index.ts');
