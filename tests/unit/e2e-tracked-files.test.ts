import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const E2E = join(import.meta.dirname, '../e2e');
const specs = readdirSync(E2E).filter((f) => f.endsWith('.ts'));

// The end-to-end suite must leave the checkout as it found it: screenshots for the docs go through
// `screenshotPath` (tests/e2e/fixtures.ts), which writes under docs/ only for `npm run screenshots`.
describe('the end-to-end suite writes no tracked file', () => {
  it.each(specs.filter((f) => f !== 'fixtures.ts'))('%s names no path under docs/', (file) => {
    const text = readFileSync(join(E2E, file), 'utf8');
    expect(text).not.toMatch(/['"`]docs\//);
  });
});
