import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Tests seal their bases with one key in the temp folder (never the user's own data folder);
 * processes they start inherit it. A test about keys passes its own store to `openCore`.
 */
export const TEST_AUDIT_KEY_FILE = join(tmpdir(), 'ramed-tests', 'audit.key');
process.env.RAMED_AUDIT_KEY_FILE ??= TEST_AUDIT_KEY_FILE;
