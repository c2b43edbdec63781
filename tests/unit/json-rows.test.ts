import { describe, expect, it } from 'vitest';
import { fromTuples } from '../../electron/core/db/json-rows';

describe('rows read as JSON tuples', () => {
  it.each([
    ['SQLite (text)', ['[1,"Diarra",null]', '[2,"Traoré « fils »",3]']],
    ['PostgreSQL (parsed json)', [[1, 'Diarra', null] as unknown[], [2, 'Traoré « fils »', 3]]],
  ])('gives each row back as an object keyed in the tuple’s order: %s', (_driver, tuples) => {
    expect(fromTuples(['id', 'family_name', 'import_id'], tuples)).toEqual([
      { id: 1, family_name: 'Diarra', import_id: null },
      { id: 2, family_name: 'Traoré « fils »', import_id: 3 },
    ]);
  });

  it('keeps each key list to its own objects', () => {
    expect(fromTuples(['a', 'b'], ['[1,2]'])).toEqual([{ a: 1, b: 2 }]);
    expect(fromTuples(['b', 'a'], ['[1,2]'])).toEqual([{ b: 1, a: 2 }]);
    expect(fromTuples(["l'a", 'b"c'], ['[1,2]'])).toEqual([{ "l'a": 1, 'b"c': 2 }]);
  });
});
