import { allColumns } from '../json-rows';
import type { PrestationTable } from './episodes';
import type { PersonTable } from './registry';

/** The tables read whole as JSON tuples (json-rows.ts), their columns in one fixed order. */
export const PERSON_COLUMNS = allColumns<PersonTable>()([
  'id',
  'recepisse',
  'family_name',
  'given_names',
  'sex',
  'birth_date',
  'birth_year_only',
  'quality',
  'holder_recepisse',
  'category',
  'in_school',
  'disabled',
  'valid_from',
  'valid_to',
  'status',
  'status_changed_at',
  'nina',
  'commune_code',
  'commune',
  'phone',
  'import_id',
  'effective_from',
  'created_at',
  'updated_at',
]);

export const PRESTATION_COLUMNS = allColumns<PrestationTable>()([
  'id',
  'episode_id',
  'kind',
  'tariff_id',
  'medicine_id',
  'code',
  'label',
  'category',
  'performed_on',
  'quantity',
  'unit_price',
  'amount',
  'payer',
  'programme_code',
  'prescriber',
  'cancels_id',
  'reason',
  'off_list_reason',
  'created_at',
  'created_by',
]);
