import { REGISTRY_COLUMNS } from '../../registry/registry-row';
import { allColumns } from '../json-rows';
import type { PrestationTable } from './episodes';
import type { PersonTable } from './registry';

/** The tables read whole as JSON tuples (json-rows.ts), their columns in one fixed order. */
/** Every column a new or changed person is written with (the import's compiled statement keeps this order). */
export const PERSON_WRITTEN_COLUMNS = [
  'recepisse',
  ...REGISTRY_COLUMNS,
  'status_changed_at',
  'import_id',
  'effective_from',
  'created_at',
  'updated_at',
] as const;

export const PERSON_COLUMNS = allColumns<PersonTable>()(['id', ...PERSON_WRITTEN_COLUMNS]);

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
