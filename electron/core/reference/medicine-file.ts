import { describeDifferences } from './differences';
import { amountField, codeField, collect, dateField, FieldError, flagField, optionalDate, requiredText } from './fields';
import type { ReferenceSpec } from './import';
import type { Version } from './versions';

interface MedicineContent {
  dci: string;
  form: string;
  strength: string;
  unit: string;
  price: number;
  essential: boolean;
}

const LABELS: Record<keyof MedicineContent, string> = {
  dci: 'DCI',
  form: 'forme',
  strength: 'dosage',
  unit: 'unité',
  price: 'prix',
  essential: 'liste essentielle',
};

/** The medicines list format (README, "Liste des médicaments"): one line per medicine and period. */
export const medicineFile: ReferenceSpec<MedicineContent> = {
  kind: 'medicaments',
  columns: {
    required: ['code', 'dci', 'forme', 'dosage', 'unite', 'prix', 'debut_effet'],
    optional: ['fin_effet', 'liste_essentielle', 'commentaire'],
  },
  parseRow(values) {
    const parsed = collect((take) => {
      const code = take(() => codeField(values.code!));
      const from = take(() => dateField('début d’effet', values.debut_effet!));
      const to = take(() => optionalDate('fin d’effet', values.fin_effet ?? ''));
      const content: MedicineContent = {
        dci: take(() => requiredText('DCI', values.dci!, 120)),
        form: take(() => requiredText('forme', values.forme!, 60)),
        strength: take(() => requiredText('dosage', values.dosage!, 60)),
        unit: take(() => requiredText('unité', values.unite!, 40)),
        price: take(() => amountField('prix', values.prix!)),
        essential: take(() => flagField('liste essentielle', values.liste_essentielle ?? '', true)),
      };
      take(() => {
        if (from && to && to < from) throw new FieldError('la fin d’effet précède le début d’effet');
      });
      return { code, from, to, content };
    });
    if ('errors' in parsed) return parsed;
    const { code, from, to, content } = parsed.value;
    return { versions: [{ key: code, from, to, content }] };
  },
  differences: (recorded, given) => describeDifferences(recorded, given, LABELS),
  describeKey: (code) => `le médicament ${code}`,
  async loadExisting(db) {
    const rows = await db.selectFrom('medicine').selectAll().execute();
    const map = new Map<string, Version<MedicineContent>[]>();
    for (const r of rows) {
      map.set(r.code, [
        ...(map.get(r.code) ?? []),
        {
          id: r.id,
          from: r.effective_from,
          to: r.effective_to,
          content: { dci: r.dci, form: r.form, strength: r.strength, unit: r.unit, price: r.price, essential: r.essential === 1 },
        },
      ]);
    }
    return map;
  },
  async insert(db, rows, importId, now) {
    await db
      .insertInto('medicine')
      .values(
        rows.map(({ key: code, from, to, content: c }) => ({
          code,
          dci: c.dci,
          form: c.form,
          strength: c.strength,
          unit: c.unit,
          price: c.price,
          essential: c.essential ? (1 as const) : (0 as const),
          effective_from: from,
          effective_to: to,
          import_id: importId,
          created_at: now,
        })),
      )
      .execute();
  },
  async close(db, id, to) {
    await db.updateTable('medicine').set({ effective_to: to }).where('id', '=', id).execute();
  },
};
