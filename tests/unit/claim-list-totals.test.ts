import { describe, expect, it } from 'vitest';
import type { ClaimFollowUp } from '../../shared/domain/claim-responses';
import type { ClaimStatus } from '../../shared/domain/claim-status';
import { claimedInTotal } from '../../shared/rules/claim-list-totals';

const followUp = (over: Partial<ClaimFollowUp>): ClaimFollowUp => ({
  claimed: 125_000,
  answered: 0,
  accepted: 0,
  rejected: 0,
  sentAt: '2026-11-04T09:00:00.000Z',
  paid: 0,
  outstanding: 125_000,
  daysSinceSent: 3,
  overdue: false,
  pendingMessages: 0,
  supersededByVersion: null,
  resubmitsVersion: null,
  ...over,
});

describe('claimedInTotal: each month claimed once in the claims list’s total', () => {
  it.each<[string, ClaimStatus, number | null, ClaimFollowUp | null, number]>([
    ['a version sent to the ANAM', 'envoyee', null, followUp({}), 125_000],
    ['a paid version', 'payee', null, followUp({ paid: 125_000 }), 125_000],
    ['a signed version not sent yet', 'signee', null, followUp({ sentAt: null }), 125_000],
    ['a draft, not claimed yet', 'brouillon', null, null, 0],
    ['a version replaced before it left', 'signee', null, followUp({ sentAt: null, supersededByVersion: 2 }), 0],
    ['a resubmission of rejected lines', 'envoyee', 41, followUp({ resubmitsVersion: 1 }), 0],
  ])('%s', (_, status, resubmitsId, follow, expected) => {
    expect(claimedInTotal({ status, total: 125_000, resubmitsId, followUp: follow })).toBe(expected);
  });
});
