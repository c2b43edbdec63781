import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { api } from '../../shared/api/index';
import { ANCHOR_METHOD } from '../../electron/core/audit/audit-log';
import { AUDIT_ANCHOR_METHOD, AUDIT_ENTITY_LABELS, AUDIT_FIELD_LABELS, AUDIT_METHOD_LABELS } from '../../shared/domain/audit-labels';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (schema: z.ZodType | undefined): Def | undefined => (schema as unknown as { _zod?: { def: Def } } | undefined)?._zod?.def;

/** Every field name an input schema can hold, nested objects and arrays of objects included. */
function fieldNames(schema: z.ZodType | undefined): string[] {
  const def = defOf(schema);
  if (!def) return [];
  if (def.type === 'object') return Object.entries(def.shape ?? {}).flatMap(([key, inner]) => [key, ...fieldNames(inner)]);
  if (def.innerType) return fieldNames(def.innerType);
  if (def.type === 'pipe') return [...fieldNames(def.in), ...fieldNames(def.out)];
  if (def.type === 'array') return fieldNames(def.element);
  if (def.type === 'union') return (def.options ?? []).flatMap(fieldNames);
  return [];
}

const commands = Object.entries(api).filter(([, def]) => def.kind === 'command');

describe('the audit names everything in French', () => {
  it('has a French label for every method of the contract', () => {
    const missing = Object.keys(api).filter((method) => !(method in AUDIT_METHOD_LABELS));
    expect(missing).toEqual([]);
    expect(AUDIT_ANCHOR_METHOD).toBe(ANCHOR_METHOD);
  });

  it('has a French label for every entity a command audits', () => {
    const entities = new Set(commands.flatMap(([, def]) => (def.entity ? [def.entity] : [])));
    expect(entities.size).toBeGreaterThan(10);
    expect([...entities].filter((e) => !(e in AUDIT_ENTITY_LABELS))).toEqual([]);
  });

  it('has a French label for every input field of every command', () => {
    const fields = new Set(commands.flatMap(([, def]) => fieldNames(def.input)));
    expect(fields.has('recepisse')).toBe(true); // the walk does reach the schemas' fields
    const unnamed = [...fields].filter((f) => !(f in AUDIT_FIELD_LABELS) && f !== 'jobId' && f !== 'file');
    expect(unnamed).toEqual([]);
  });

  it('no label is left in English or empty', () => {
    for (const label of [
      ...Object.values(AUDIT_METHOD_LABELS),
      ...Object.values(AUDIT_ENTITY_LABELS),
      ...Object.values(AUDIT_FIELD_LABELS),
    ]) {
      expect(label.trim()).not.toBe('');
      expect(label).not.toMatch(/[a-z][A-Z]|_|\./); // no camelCase, snake_case or dotted name
    }
  });
});
