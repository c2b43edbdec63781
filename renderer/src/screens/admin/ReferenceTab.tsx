import { useState } from 'react';
import {
  LEVEL_SHORT_LABELS,
  EXCLUSION_LABELS,
  TARIFF_CATEGORY_LABELS,
  type MedicineEntry,
  type TariffEntry,
} from '../../../../shared/domain/reference';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { ErrorBanner } from '../../components/ErrorBanner';
import { formatDate } from '../../lib/format';
import { useQuery } from '../../lib/useQuery';
import type { SectionProps } from '../../section-props';
import { ReferenceImportCard } from './ReferenceImportCard';
import { ReferenceImportHistory } from './ReferenceImportHistory';

function coverage(t: TariffEntry): string {
  if (t.exclusion) return `Exclu (${EXCLUSION_LABELS[t.exclusion]})`;
  if (t.caesarean) return 'Programme césarienne';
  return t.ramedCovered ? 'Oui' : 'Non';
}

const TARIFF_COLUMNS: DataColumn<TariffEntry>[] = [
  { key: 'code', header: 'Code', value: (t) => t.code, render: (t) => <span className="mono">{t.code}</span>, width: '7rem' },
  { key: 'label', header: 'Libellé', value: (t) => t.label },
  { key: 'category', header: 'Catégorie', value: (t) => TARIFF_CATEGORY_LABELS[t.category], width: '9rem' },
  { key: 'level', header: 'Niveau', value: (t) => LEVEL_SHORT_LABELS[t.level], width: '6rem' },
  { key: 'price', header: 'Prix', value: (t) => t.price, kind: 'money', width: '8rem' },
  { key: 'ramed', header: 'RAMED', value: coverage, width: '11rem' },
  { key: 'max', header: 'Qté max', value: (t) => t.maxQuantity, kind: 'number', width: '5.5rem' },
  { key: 'from', header: 'Depuis le', value: (t) => formatDate(t.effectiveFrom), width: '7rem' },
];

const MEDICINE_COLUMNS: DataColumn<MedicineEntry>[] = [
  { key: 'code', header: 'Code', value: (m) => m.code, render: (m) => <span className="mono">{m.code}</span>, width: '7rem' },
  { key: 'dci', header: 'DCI', value: (m) => m.dci },
  { key: 'form', header: 'Forme', value: (m) => m.form },
  { key: 'strength', header: 'Dosage', value: (m) => m.strength, width: '8rem' },
  { key: 'unit', header: 'Unité', value: (m) => m.unit },
  { key: 'price', header: 'Prix', value: (m) => m.price, kind: 'money', width: '7rem' },
  { key: 'essential', header: 'Liste essentielle', value: (m) => (m.essential ? 'Oui' : 'Non'), width: '8rem' },
  { key: 'from', header: 'Depuis le', value: (m) => formatDate(m.effectiveFrom), width: '7rem' },
];

const NONE: never[] = [];

/** Administration: import the ANAM's tariff and medicines lists, and see what is in force today. */
export function ReferenceTab(_props: SectionProps) {
  const [shown, setShown] = useState<'tarifs' | 'medicaments'>('tarifs');
  // Each import of a list is counted: the lists in force and the import history are asked again.
  const [imported, setImported] = useState(0);
  const tariffList = useQuery('tariffs.list', {}, { reloadKey: imported });
  const medicineList = useQuery('medicines.list', {}, { reloadKey: imported });
  const tariffs = tariffList.data ?? NONE;
  const medicines = medicineList.data ?? NONE;
  const afterImport = () => setImported((n) => n + 1);
  const reload = () => {
    tariffList.reload();
    medicineList.reload();
  };

  return (
    <div className="stack">
      <div className="grid-2 align-start">
        <ReferenceImportCard
          title="Liste des tarifs"
          help="Fichier CSV de l’ANAM (séparateur point-virgule, UTF-8) : un acte par ligne, avec ses niveaux, son prix et sa date d’effet. Un prix ne change jamais sur place : une nouvelle date d’effet crée une nouvelle version."
          method="tariffs.import"
          onImported={afterImport}
        />
        <ReferenceImportCard
          title="Liste des médicaments"
          help="Fichier CSV des médicaments par DCI (forme, dosage, unité, prix, liste essentielle, date d’effet). Même règle : une nouvelle date d’effet crée une nouvelle version."
          method="medicines.import"
          onImported={afterImport}
        />
        <ReferenceImportCard
          title="Programmes de gratuité"
          help="Fichier CSV des programmes (césarienne, paludisme, tuberculose…) : ce que chacun couvre, pour quels patients, sa date d’effet. Une ligne qu’un programme couvre ne va jamais sur la réclamation RAMED. Liste par défaut : resources/programmes-gratuite.csv."
          method="programmes.import"
          onImported={reload}
        />
      </div>
      <section className="card" aria-label="En vigueur aujourd’hui">
        <div className="section-head">
          <h2>En vigueur aujourd’hui</h2>
          <div className="segmented" role="group" aria-label="Liste affichée">
            <button type="button" aria-pressed={shown === 'tarifs'} onClick={() => setShown('tarifs')}>
              Tarifs ({tariffs.length})
            </button>
            <button type="button" aria-pressed={shown === 'medicaments'} onClick={() => setShown('medicaments')}>
              Médicaments ({medicines.length})
            </button>
          </div>
        </div>
        <ErrorBanner error={tariffList.error ?? medicineList.error} />
        {shown === 'tarifs' ? (
          <DataTable
            key="tarifs"
            label="Tarifs en vigueur"
            rows={tariffs}
            columns={TARIFF_COLUMNS}
            rowKey={(t) => String(t.id)}
            csvName="tarifs-en-vigueur.csv"
            pageSize={15}
            empty="Aucun tarif en vigueur : importez la liste de l’ANAM."
          />
        ) : (
          <DataTable
            key="medicaments"
            label="Médicaments en vigueur"
            rows={medicines}
            columns={MEDICINE_COLUMNS}
            rowKey={(m) => String(m.id)}
            csvName="medicaments-en-vigueur.csv"
            pageSize={15}
            empty="Aucun médicament en vigueur : importez la liste de l’ANAM."
          />
        )}
      </section>
      <ReferenceImportHistory refresh={imported} />
    </div>
  );
}
