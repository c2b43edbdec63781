import {
  EPISODE_STATUS_LABELS,
  EPISODE_STATUSES,
  EPISODE_TYPE_LABELS,
  EPISODE_TYPES,
  type EpisodeStatus,
  type EpisodeType,
} from '../../../../shared/domain/episodes';
import { DateField } from '../../components/DateField';
import { Field, SelectField } from '../../components/Field';

export interface EpisodeFilter {
  from: string;
  to: string;
  status: EpisodeStatus | '';
  type: EpisodeType | '';
  patient: string;
}
export const NO_FILTER: EpisodeFilter = { from: '', to: '', status: '', type: '', patient: '' };

const STATUS_OPTIONS = [{ value: '', label: 'Tous' }, ...EPISODE_STATUSES.map((s) => ({ value: s, label: EPISODE_STATUS_LABELS[s] }))];
const TYPE_OPTIONS = [{ value: '', label: 'Tous' }, ...EPISODE_TYPES.map((t) => ({ value: t, label: EPISODE_TYPE_LABELS[t] }))];

interface EpisodeFiltersProps {
  filter: EpisodeFilter;
  /** The name as typed: the filter takes it once typing pauses. */
  patient: string;
  fields: Record<string, string>;
  canExport: boolean;
  exporting: boolean;
  onPatient(text: string): void;
  onChange(patch: Partial<EpisodeFilter>): void;
  onClear(): void;
  onExport(): void;
}

/** The filters above the list of episodes, and its export to CSV. */
export function EpisodeFilters({
  filter,
  patient,
  fields,
  canExport,
  exporting,
  onPatient,
  onChange,
  onClear,
  onExport,
}: EpisodeFiltersProps) {
  return (
    <div className="filters" role="search" aria-label="Filtres des épisodes">
      <Field
        label="Patient"
        type="search"
        placeholder="Nom, récépissé ou n° d’épisode"
        value={patient}
        onChange={(e) => onPatient(e.target.value)}
        error={fields.patient}
        autoFocus
      />
      <DateField label="Ouverts du" value={filter.from} onChange={(from) => onChange({ from })} error={fields.from} />
      <DateField label="au" value={filter.to} onChange={(to) => onChange({ to })} error={fields.to} />
      <SelectField
        label="Statut"
        value={filter.status}
        onChange={(e) => onChange({ status: e.target.value as EpisodeFilter['status'] })}
        options={STATUS_OPTIONS}
      />
      <SelectField
        label="Type"
        value={filter.type}
        onChange={(e) => onChange({ type: e.target.value as EpisodeFilter['type'] })}
        options={TYPE_OPTIONS}
      />
      <button type="button" onClick={onClear}>
        Effacer les filtres
      </button>
      <button type="button" disabled={!canExport || exporting} onClick={onExport}>
        {exporting ? 'Export…' : 'Exporter en CSV'}
      </button>
    </div>
  );
}
