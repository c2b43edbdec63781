import type { PersonMatch } from '../../../../shared/domain/registry-lookup';
import { formatRecepisse, personName, QUALITY_LABELS } from '../../../../shared/domain/registry';
import type { DataColumn } from '../../components/DataTable';
import { formatBirth } from '../../lib/format';

/** What tells two homonyms apart: their own récépissé, sex, age, NINA, commune. */
export const PERSON_COLUMNS: DataColumn<PersonMatch>[] = [
  { key: 'name', header: 'Nom', value: (p) => personName(p.familyName, p.givenNames) },
  {
    key: 'recepisse',
    header: 'Récépissé',
    value: (p) => formatRecepisse(p.recepisse),
    render: (p) => <span className="mono nowrap">{formatRecepisse(p.recepisse)}</span>,
    width: '10.5rem',
  },
  { key: 'sex', header: 'Sexe', value: (p) => p.sex, width: '3.5rem' },
  {
    key: 'birth',
    header: 'Âge (naissance)',
    value: (p) => `${p.eligibility.age ?? '?'} ans (${formatBirth(p.birthDate, p.birthYearOnly)})`,
    width: '12rem',
  },
  { key: 'nina', header: 'NINA', value: (p) => p.nina ?? '', render: (p) => <span className="mono">{p.nina ?? '—'}</span>, width: '11rem' },
  { key: 'commune', header: 'Commune', value: (p) => p.commune ?? '' },
  { key: 'quality', header: 'Qualité', value: (p) => QUALITY_LABELS[p.quality], width: '7rem' },
  {
    key: 'eligible',
    header: 'Aujourd’hui',
    value: (p) => (p.eligibility.eligible ? 'Éligible' : 'Non éligible'),
    render: (p) => (
      <span className={p.eligibility.eligible ? 'text-ok' : 'text-no'}>{p.eligibility.eligible ? 'Éligible' : 'Non éligible'}</span>
    ),
    width: '8rem',
  },
];
