import { formatDate } from '../../../lib/format';
import { Bars, COLORS } from '../charts';
import { StatSection } from '../StatSection';
import { one, top, type SectionsProps } from './section-kit';

/** The medicines dispensed, the ten largest amounts charted. */
export function MedicineSection({ report: r, tables }: SectionsProps) {
  const medicines = tables.get('medicaments');
  if (!medicines) return null;
  return (
    <StatSection
      table={medicines}
      reportKey={r.key}
      layout="stacked"
      chart={
        <Bars
          title="Médicaments dispensés : les dix plus gros montants"
          rows={top(r.medicines, 10).map((m) => ({ label: m.dci, value: m.amount }))}
          series={one('value', 'Montant (FCFA)')}
          labelWidth={230}
        />
      }
      note="Dispensations de la pharmacie en vigueur, par date de dispensation. Le graphique montre les dix plus gros montants."
    />
  );
}

/** Days out of stock by medicine, counted from the first stock movement recorded. */
export function StockSection({ report: r, tables }: SectionsProps) {
  const stock = tables.get('ruptures');
  if (!stock) return null;
  return (
    <StatSection
      table={stock}
      reportKey={r.key}
      layout="stacked"
      chart={
        <Bars
          title="Jours de rupture par médicament"
          rows={top(r.stock, 10).map((s) => ({ label: s.dci, value: s.daysOutOfStock }))}
          series={one('value', 'Jours de rupture', COLORS.warn)}
          labelWidth={230}
        />
      }
      note={`Un jour de rupture est un jour à la fin duquel il ne reste aucune unité utilisable (lots non périmés) du médicament.${
        r.stockFrom > r.first ? ` Jours comptés à partir du ${formatDate(r.stockFrom)}, premier mouvement de stock enregistré.` : ''
      }`}
    />
  );
}
