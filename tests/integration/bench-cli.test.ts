import { expect, it } from 'vitest';
import { ramed } from '../support/cli';

// The bench itself is too long for the suite (`npm run bench -- --quick` runs in about a minute):
// here only that `ramed bench` reaches it and passes its refusals on.
it.each([[['--size', '0']], [['--only', 'tout']]])('ramed bench %j exits 2 with the usage', async (args) => {
  const r = await ramed('bench', ...args);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('Usage : ramed bench [--quick] [--size PERSONNES]');
});
