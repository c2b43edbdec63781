import { describe, expect, it } from 'vitest';
import { buildRefusal, claimPeriod, lateClosureOf, signRefusal } from '../../shared/rules/claim-period';

describe('claim period', () => {
  it.each([
    // month, today, period
    ['2026-11', '2026-10-31', 'futur'],
    ['2026-11', '2026-11-01', 'en_cours'],
    ['2026-11', '2026-11-29', 'en_cours'],
    ['2026-11', '2026-11-30', 'dernier_jour'],
    ['2026-11', '2026-12-01', 'termine'],
    ['2026-12', '2026-12-06', 'en_cours'],
    ['2026-12', '2026-12-31', 'dernier_jour'],
    ['2026-12', '2027-01-01', 'termine'],
    ['2027-01', '2027-01-01', 'en_cours'],
    ['2027-01', '2026-12-31', 'futur'],
    ['2028-02', '2028-02-28', 'en_cours'],
    ['2028-02', '2028-02-29', 'dernier_jour'],
    ['2028-02', '2028-03-01', 'termine'],
    ['2027-02', '2027-02-28', 'dernier_jour'],
    ['2027-03', '2027-03-31', 'dernier_jour'],
    ['2026-01', '2027-01-01', 'termine'],
  ] as const)('%s seen on %s is %s', (month, today, period) => {
    expect(claimPeriod(month, today)).toBe(period);
  });

  it.each([
    ['2027-01', '2026-12-06', null, /Janvier 2027 n’a pas commencé/],
    ['2026-12', '2026-12-06', null, /Décembre 2026 n’est pas terminé.*à partir du 01\/01\/2027 \(ou le 31\/12\/2026/],
    ['2026-12', '2026-12-06', 'Départ en congé', /n’est pas terminé/],
    ['2026-12', '2026-12-31', null, /indiquez le motif/],
    ['2026-12', '2026-12-31', 'Clôture de l’exercice', null],
    ['2028-02', '2028-02-29', null, /29\/02\/2028 est le dernier jour/],
    ['2028-02', '2028-02-29', 'Mission', null],
    ['2026-12', '2027-01-01', null, null],
    ['2026-02', '2026-03-01', null, null],
  ] as const)('building %s on %s (reason %s)', (month, today, reason, refusal) => {
    const answer = buildRefusal(month, today, reason);
    if (refusal === null) expect(answer).toBeNull();
    else expect(answer).toMatch(refusal);
  });

  it.each([
    ['2026-12', '2026-12-06', null, 3, /ne se signe qu’après la fin du mois/],
    ['2026-12', '2026-12-31', null, 3, /ne se signe qu’après la fin du mois/],
    ['2026-12', '2026-12-31', 'Clôture de l’exercice', 3, null],
    ['2026-12', '2027-01-01', null, 3, null],
    ['2026-11', '2026-12-02', null, 0, /vide ne se signe pas/],
    ['2028-02', '2028-03-01', null, 1, null],
  ] as const)('signing %s on %s (built early: %s, %i episodes)', (month, today, earlyReason, episodes, refusal) => {
    const answer = signRefusal(month, today, { earlyReason, episodes });
    if (refusal === null) expect(answer).toBeNull();
    else expect(answer).toMatch(refusal);
  });

  it.each([
    ['2027-01', '2026-12-31', '2026-12'],
    ['2027-01', '2027-01-01', null],
    ['2026-03', '2026-02-28', '2026-02'],
    ['2026-12', '2026-10-15', '2026-10'],
  ] as const)('an episode of the %s claim ended on %s is late from %s', (month, endedOn, late) => {
    expect(lateClosureOf(month, endedOn)).toBe(late);
  });
});
