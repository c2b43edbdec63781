import { describe, expect, it } from 'vitest';
import { dispenseQuestion, unitsOf } from '../../shared/rules/dispense-check';

describe('unitsOf', () => {
  it.each([
    [1, 'gélule', '1 gélule'],
    [0, 'gélule', '0 gélule'],
    [725, 'gélule', '725 gélules'],
    [2, 'flacon de 60 ml', '2 flacons de 60 ml'],
    [3, 'ampoule', '3 ampoules'],
    [4, 'tube 15 g', '4 tubes 15 g'],
    [5, 'comprimés', '5 comprimés'],
    [1500, 'sachet', '1\u202f500 sachets'],
  ])('%i %s → %s', (n, unit, expected) => expect(unitsOf(n, unit)).toBe(expected));
});

describe('dispenseQuestion', () => {
  const ask = (quantity: number, usable: number, serveAvailable = false) =>
    dispenseQuestion({ quantity, usable, unit: 'gélule', serveAvailable });

  it.each([
    ['an ordinary course', 21, 725, false],
    ['exactly the unusual limit', 100, 1000, false],
    ['a large share of a tiny stock', 20, 30, false],
    ['just under half of the stock', 49, 100, false],
    ['more than the limit', 101, 5000, true],
    ['the typo that emptied the shelf', 1000, 725, true],
    ['half of the stock', 50, 100, true],
    ['nonsense quantities are left to the contract', 0, 100, false],
  ])('%s: asked again = %s', (_, quantity, usable, asked) => expect(ask(quantity, usable) !== null).toBe(asked));

  it('always asks before serving what is left, and says how much', () => {
    expect(ask(30, 12, true)).toBe(
      'Servir 12 gélules (tout le stock utilisable) à ce patient et noter un manque de 18 gélules ? Vérifiez d’abord la quantité prescrite.',
    );
    expect(ask(10, 0, true)).toBe('Rien en stock : noter une demande non satisfaite de 10 gélules ?');
    // Enough in stock: serving what is left is the plain dispensing, asked like it.
    expect(ask(10, 725, true)).toBeNull();
  });

  it('gives the share of the stock', () => {
    expect(ask(400, 725)).toMatch(/quantité inhabituelle/);
    expect(ask(60, 100)).toBe('60 gélules, soit 60 % du stock utilisable, pour un seul patient. Est-ce bien la quantité prescrite ?');
  });
});
