import type { BatchView, StockItem } from '../../../../shared/domain/pharmacy';
import { unitsOf } from '../../../../shared/rules/dispense-check';
import { formatDate, formatFcfa } from '../../lib/format';

interface DispensePreviewProps {
  medicine: StockItem | null;
  /** The batch the pharmacist picked, if any (otherwise the FEFO one is served). */
  chosenBatch: BatchView | null;
  units: number;
}

/** Before giving: the price, the usable stock, the batch served and what the RAMED pays; off-list medicines said plainly. */
export function DispensePreview({ medicine, chosenBatch, units }: DispensePreviewProps) {
  return (
    <>
      <p className="preview" aria-live="polite">
        {medicine ? (
          <>
            Prix unitaire : <strong>{formatFcfa(medicine.price)}</strong> · Stock utilisable :{' '}
            <strong>{unitsOf(medicine.usable, medicine.unit)}</strong>
            {chosenBatch
              ? ` · lot choisi : ${chosenBatch.lot}, périme le ${formatDate(chosenBatch.expiry)}`
              : medicine.nextBatch
                ? ` · lot servi : ${medicine.nextBatch.lot}, périme le ${formatDate(medicine.nextBatch.expiry)}`
                : ' · rupture de stock'}
            {Number.isInteger(units) && units > 0 ? ` · ${formatFcfa(units * medicine.price)} à la charge du RAMED` : ''}
          </>
        ) : (
          <span className="muted">
            Choisissez un médicament : son prix, le stock et le lot servi (premier périmé, premier sorti) s’affichent.
          </span>
        )}
      </p>
      {medicine?.offList ? (
        <p className="banner banner-warn" role="note">
          {medicine.offList === 'refuser'
            ? `${medicine.dci} est hors liste nationale des médicaments essentiels : l’établissement ne le dispense pas au titre du RAMED.`
            : `${medicine.dci} est hors liste nationale des médicaments essentiels : indiquez pourquoi il est dispensé (la réclamation le signale à l’ANAM).`}
        </p>
      ) : null}
    </>
  );
}
