import { FACILITY_LEVELS, type FacilityLevel } from '../../../shared/domain/facility';
import { EXCLUSIONS, LEVEL_SHORT_LABELS, TARIFF_CATEGORIES, type Exclusion, type TariffCategory } from '../../../shared/domain/reference';
import { searchKey } from '../../../shared/lib/text';
import type { Version } from './versions';
import {
  amountField,
  choiceField,
  codeField,
  collect,
  dateField,
  FieldError,
  flagField,
  optionalCount,
  optionalDate,
  requiredText,
} from './fields';
import type { ReferenceSpec } from './import';
import { describeDifferences } from './differences';

/** What a tariff version says, apart from its period: compared on re-import. */
interface TariffContent {
  label: string;
  category: TariffCategory;
  price: number;
  ramedCovered: boolean;
  maxQuantity: number | null;
  exclusion: Exclusion | null;
  caesarean: boolean;
}

const LABELS: Record<keyof TariffContent, string> = {
  label: 'libellé',
  category: 'catégorie',
  price: 'prix',
  ramedCovered: 'couvert RAMED',
  maxQuantity: 'quantité maximale',
  exclusion: 'exclusion',
  caesarean: 'césarienne',
};

const key = (code: string, level: FacilityLevel) => `${code}|${level}`;

function levelsField(value: string): FacilityLevel[] {
  if (value === '') throw new FieldError('niveaux manquants (cscom, csref, hopital, séparés par |)');
  const levels = value.split(/[|,/]/).map((v) => searchKey(v).replace(/ /g, ''));
  const bad = levels.filter((l) => !(FACILITY_LEVELS as readonly string[]).includes(l));
  if (bad.length > 0) throw new FieldError(`niveaux « ${value} » invalides : cscom, csref ou hopital, séparés par |`);
  return [...new Set(levels as FacilityLevel[])];
}

/** The tariff list format (README, "Liste des tarifs"): one line per act and period, for one or more levels. */
export const tariffFile: ReferenceSpec<TariffContent> = {
  kind: 'tarifs',
  columns: {
    required: ['code', 'libelle', 'categorie', 'niveaux', 'prix', 'debut_effet'],
    optional: ['fin_effet', 'ramed', 'quantite_max', 'exclusion', 'cesarienne', 'commentaire'],
  },
  parseRow(values) {
    const parsed = collect((take) => {
      const code = take(() => codeField(values.code!));
      const levels = take(() => levelsField(values.niveaux!));
      const from = take(() => dateField('début d’effet', values.debut_effet!));
      const to = take(() => optionalDate('fin d’effet', values.fin_effet ?? ''));
      const exclusion = take(() => (values.exclusion ? choiceField('exclusion', values.exclusion, EXCLUSIONS) : null));
      const caesarean = take(() => flagField('césarienne', values.cesarienne ?? '', false));
      const content: TariffContent = {
        label: take(() => requiredText('libellé', values.libelle!, 200)),
        category: take(() => choiceField('catégorie', values.categorie!, TARIFF_CATEGORIES)),
        price: take(() => amountField('prix', values.prix!)),
        // An excluded act is not covered unless the file says otherwise (which is then refused below).
        ramedCovered: take(() => flagField('ramed', values.ramed ?? '', exclusion === null)),
        maxQuantity: take(() => optionalCount('quantité max', values.quantite_max ?? '', 9999)),
        exclusion,
        caesarean,
      };
      take(() => {
        if (from && to && to < from) throw new FieldError('la fin d’effet précède le début d’effet');
        if (exclusion && content.ramedCovered) throw new FieldError('un acte exclu ne peut pas être couvert par le RAMED (ramed = 1)');
        if (exclusion && caesarean) throw new FieldError('un acte ne peut pas être à la fois exclu et une césarienne');
      });
      return { code, levels, from, to, content };
    });
    if ('errors' in parsed) return parsed;
    const { code, levels, from, to, content } = parsed.value;
    return { versions: levels.map((level) => ({ key: key(code, level), from, to, content })) };
  },
  differences: (recorded, given) => describeDifferences(recorded, given, LABELS),
  describeKey(k) {
    const [code, level] = k.split('|') as [string, FacilityLevel];
    return `l’acte ${code} au niveau ${LEVEL_SHORT_LABELS[level]}`;
  },
  async loadExisting(db) {
    const rows = await db.selectFrom('tariff').selectAll().execute();
    const map = new Map<string, Version<TariffContent>[]>();
    for (const r of rows) {
      const version: Version<TariffContent> = {
        id: r.id,
        from: r.effective_from,
        to: r.effective_to,
        content: {
          label: r.label,
          category: r.category,
          price: r.price,
          ramedCovered: r.ramed_covered === 1,
          maxQuantity: r.max_quantity,
          exclusion: r.exclusion,
          caesarean: r.caesarean === 1,
        },
      };
      const k = key(r.code, r.level);
      map.set(k, [...(map.get(k) ?? []), version]);
    }
    return map;
  },
  async insert(db, rows, importId, now) {
    await db
      .insertInto('tariff')
      .values(
        rows.map(({ key: k, from, to, content: c }) => {
          const [code, level] = k.split('|') as [string, FacilityLevel];
          return {
            code,
            level,
            label: c.label,
            category: c.category,
            price: c.price,
            effective_from: from,
            effective_to: to,
            ramed_covered: c.ramedCovered ? 1 : 0,
            max_quantity: c.maxQuantity,
            exclusion: c.exclusion,
            caesarean: c.caesarean ? 1 : 0,
            import_id: importId,
            created_at: now,
          } as const;
        }),
      )
      .execute();
  },
  async close(db, id, to) {
    await db.updateTable('tariff').set({ effective_to: to }).where('id', '=', id).execute();
  },
};
