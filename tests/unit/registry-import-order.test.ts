import { describe, expect, it } from 'vitest';
import { parseDeclaration } from '../../electron/core/registry/file-declaration';
import { orderDecision } from '../../electron/core/registry/import-order';
import { strikeOffQuestion } from '../../electron/core/registry/strike-guard';

const last = { sequence: 5, extractDate: '2026-11-10', sha256: 'a'.repeat(64) };
const file = (sequence: number, extractDate: string) => ({ sequence, extractDate });

describe('the order of registry updates', () => {
  it.each([
    ['the next number', file(6, '2026-11-17'), 'b', false, 'apply'],
    ['a first declared file', file(40, '2026-11-17'), 'b', false, 'apply'],
    ['the same file again', file(5, '2026-11-10'), 'a', false, 'apply'],
    ['another file under the same number', file(5, '2026-11-10'), 'b', false, 'refuse'],
    ['a lower number', file(4, '2026-11-03'), 'b', false, 'refuse'],
    ['a higher number extracted earlier', file(6, '2026-11-09'), 'b', false, 'refuse'],
    ['a gap', file(8, '2026-12-01'), 'b', false, 'confirm'],
    ['a gap, confirmed', file(8, '2026-12-01'), 'b', true, 'apply'],
  ] as const)('%s: %s', (name, declared, sha, acceptGap, kind) => {
    const previous = name === 'a first declared file' ? null : last;
    expect(orderDecision(declared, previous, sha.repeat(64), acceptGap).kind).toBe(kind);
  });

  it('applies an undeclared file with a warning, and names what is missing in a gap', () => {
    expect(orderDecision(null, last, 'b'.repeat(64), false)).toMatchObject({
      kind: 'apply',
      warnings: [expect.stringContaining('sans ligne')],
    });
    expect(orderDecision(file(7, '2026-11-24'), last, 'b'.repeat(64), false)).toMatchObject({
      kind: 'confirm',
      message: expect.stringContaining('Il manque la mise à jour n° 6 entre la dernière appliquée (n° 5 du 10/11/2026)'),
    });
  });

  it.each([
    ['#RAMED;extraction=2026-12-05;sequence=42', { extractDate: '2026-12-05', sequence: 42 }],
    ['\uFEFF# extraction=05/12/2026 sequence=7', { extractDate: '2026-12-05', sequence: 7 }],
    ['#RAMED,SEQUENCE=3,Extraction=2024-02-29', { extractDate: '2024-02-29', sequence: 3 }],
  ])('reads the declaration %s', (line, declaration) => {
    expect(parseDeclaration(line)).toEqual({ ok: true, declaration });
  });

  it.each([
    '#RAMED',
    '#extraction=2026-12-05',
    '#sequence=1',
    '#extraction=2025-02-29;sequence=1',
    '#extraction=2026-12-05;sequence=0',
    '#extraction=2026-12-05;sequence=1.5',
  ])('refuses the declaration %s in French', (line) => {
    expect(parseDeclaration(line)).toMatchObject({ ok: false, message: expect.stringContaining('Ligne de déclaration incorrecte') });
  });
});

describe('the strike-off guard of a full import', () => {
  it.each([
    [5, 100, 5, false, false],
    [6, 100, 5, false, true],
    [6, 100, 5, true, false],
    [0, 0, 5, false, false],
    [1, 0, 5, false, true],
    [36, 37, 5, false, true],
    [1, 1000, 0, false, true],
  ])('%i absents of %i, threshold %i %%, forced %s: asks %s', (absents, notStruckOff, max, force, asks) => {
    expect(strikeOffQuestion(absents, notStruckOff, max, force) !== null).toBe(asks);
  });
  it('says how many, of how many, and how to confirm', () => {
    expect(strikeOffQuestion(36, 37, 5, false)).toContain('radierait 36 personne(s) sur 37 (97,3 %)');
  });
});
