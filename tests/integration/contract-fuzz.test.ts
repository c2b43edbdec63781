import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { newSlot } from '../../electron/core/app';
import { api, type MethodName } from '../../shared/api/index';
import { ROLES } from '../../shared/domain/roles';
import { describeEachDb, openTestCore, slotAs, type TestCore } from '../support/db';
import { tableCounts } from '../support/snapshot';

// Malformed input for every contract method, derived from each method's own schema (through its
// JSON Schema): a method added to `api` is fuzzed here without any edit.

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
}

interface Case {
  method: MethodName;
  label: string;
  input: unknown;
  /** The field the refusal must name, when the case breaks one field. */
  field?: string;
  /** Free text may legitimately look like SQL: where the schema takes it as is, the call runs, harmlessly. */
  validText?: boolean;
}

const MEGABYTE = 'é'.repeat(512 * 1024);
const SQL = ["'; DROP TABLE app_user; --", "1' OR '1'='1", 'Robert"); DELETE FROM audit_log; --'];

function wrongValues(schema: JsonSchema): unknown[] {
  switch (schema.type) {
    case 'string':
      return [12345, true, [], {}, null];
    case 'number':
    case 'integer':
      return ['beaucoup', true, [], {}, null, 1.5e308 * 10];
    case 'boolean':
      return ['oui', 1, [], null];
    case 'array':
      return ['accueil', 7, {}, null];
    case 'object':
      return ['texte', 7, [], null];
    default:
      return schema.enum ? ['valeur-inconnue', 7, null] : [];
  }
}

/** Each field, nested objects included, as a path and the input that holds only `value` there. */
function fields(schema: JsonSchema, path: string[] = []): Array<{ path: string[]; schema: JsonSchema }> {
  return Object.entries(schema.properties ?? {}).flatMap(([key, sub]) => [
    { path: [...path, key], schema: sub },
    ...fields(sub, [...path, key]),
  ]);
}
const holding = (path: string[], value: unknown): unknown => path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value);

function casesFor(method: MethodName): Case[] {
  const def = api[method];
  const schema = z.toJSONSchema(def.input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const cases: Case[] = [
    { method, label: 'null', input: null },
    { method, label: 'an array', input: [{}] },
    { method, label: 'a number', input: 42 },
    { method, label: 'a huge string', input: MEGABYTE },
    { method, label: 'an unknown field', input: { "'; DROP TABLE app_user; --": 1 }, field: '_' },
    { method, label: 'a __proto__ field', input: JSON.parse('{"__proto__": {"roles": ["admin"]}}') },
  ];
  if (!def.input.safeParse({}).success) cases.push({ method, label: 'missing fields', input: {} });
  for (const { path, schema: sub } of fields(schema)) {
    const name = path.join('.');
    for (const bad of wrongValues(sub))
      cases.push({ method, label: `${name} = ${JSON.stringify(bad)}`, input: holding(path, bad), field: name });
    if (sub.type === 'string') {
      cases.push({ method, label: `${name} = 1 Mo`, input: holding(path, MEGABYTE), field: name });
      for (const sql of SQL) {
        const input = holding(path, sql);
        const validText = def.input.safeParse(input).success;
        cases.push({ method, label: `${name} = ${sql}${validText ? ' (free text, taken as is)' : ''}`, input, validText });
      }
    }
  }
  return cases;
}

const CASES = (Object.keys(api) as MethodName[]).flatMap(casesFor);
const ENGLISH = /\b(Invalid|Expected|Required|received|Unrecognized|must|undefined|object Object|Error:)\b|\bat .+:\d+:\d+/;

it('fuzzes every method of the contract', () => {
  for (const method of Object.keys(api)) expect(CASES.filter((c) => c.method === method).length).toBeGreaterThanOrEqual(5);
});

describeEachDb('malformed input to every contract method', (kind) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await openTestCore(kind);
    expect(await core.dispatch(newSlot(), 'setup.demo', {})).toMatchObject({ ok: true });
  });
  afterAll(async () => core.dispose());

  it.each(CASES.map((c) => [c.method, c.label, c] as const))(
    '%s given %s: refused in French, nothing changed (free text: run harmlessly)',
    async (_method, _label, c) => {
      const db = core.deps.handle.db;
      const before = await tableCounts(db);
      const result = await core.dispatch(slotAs(ROLES), c.method, c.input);
      if (result.ok) {
        expect(c.validText, `${c.method} a accepté ${c.label}`).toBe(true);
      } else {
        expect(result.error.code).not.toBe('INTERNAL');
        expect(result.error.message).toMatch(/[a-zàâçéèêëîïôûù]{3}/);
        expect(result.error.message).not.toMatch(ENGLISH);
        expect(result.error.message.length).toBeLessThan(400);
        for (const message of Object.values(result.error.fields ?? {})) expect(message).not.toMatch(ENGLISH);
        if (c.field) expect(Object.keys(result.error.fields ?? {})).toContain(c.field);
      }
      const after = await tableCounts(db);
      // A command given valid text that looks like SQL does its work; every table is still there.
      if (result.ok && api[c.method].kind === 'command') expect(Object.keys(after)).toEqual(Object.keys(before));
      else expect(after).toEqual(before);
    },
  );
});
