import { describe, expect, it } from 'vitest';
import { nextBackupDue } from '../../shared/rules/backup-schedule';

const NOW = '2026-11-16T12:00:00.000Z';

describe('nextBackupDue', () => {
  it.each([
    ['off when the interval is 0', { intervalHours: 0, folderSet: true, lastSuccessAt: null, lastFailureAt: null }, null],
    ['off without a folder', { intervalHours: 24, folderSet: false, lastSuccessAt: null, lastFailureAt: null }, null],
    ['at once when there was never a backup', { intervalHours: 24, folderSet: true, lastSuccessAt: null, lastFailureAt: null }, NOW],
    [
      'one interval after the last success',
      { intervalHours: 24, folderSet: true, lastSuccessAt: '2026-11-16T08:00:00.000Z', lastFailureAt: null },
      '2026-11-17T08:00:00.000Z',
    ],
    [
      'an hour after a failure that followed the last success',
      { intervalHours: 24, folderSet: true, lastSuccessAt: '2026-11-15T08:00:00.000Z', lastFailureAt: '2026-11-16T11:30:00.000Z' },
      '2026-11-16T12:30:00.000Z',
    ],
    [
      'not before the interval when the failure was early',
      { intervalHours: 24, folderSet: true, lastSuccessAt: '2026-11-16T08:00:00.000Z', lastFailureAt: '2026-11-16T09:00:00.000Z' },
      '2026-11-17T08:00:00.000Z',
    ],
    [
      'ignoring a failure older than the last success',
      { intervalHours: 2, folderSet: true, lastSuccessAt: '2026-11-16T11:00:00.000Z', lastFailureAt: '2026-11-16T10:59:00.000Z' },
      '2026-11-16T13:00:00.000Z',
    ],
    [
      'an hour after a failure when there was never a success',
      { intervalHours: 6, folderSet: true, lastSuccessAt: null, lastFailureAt: '2026-11-16T11:45:00.000Z' },
      '2026-11-16T12:45:00.000Z',
    ],
  ] as const)('%s', (_name, input, expected) => {
    expect(nextBackupDue({ now: NOW, ...input })).toBe(expected);
  });
});
