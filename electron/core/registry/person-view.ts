import type { Selectable } from 'kysely';
import type { PersonView } from '../../../shared/domain/registry';
import type { EligibilityRecord } from '../../../shared/rules/eligibility';
import type { PersonTable } from '../db/schema/registry';

export type PersonRow = Selectable<PersonTable>;

export function toPersonView(row: PersonRow): PersonView {
  return {
    id: Number(row.id),
    recepisse: row.recepisse,
    familyName: row.family_name,
    givenNames: row.given_names,
    sex: row.sex,
    birthDate: row.birth_date,
    birthYearOnly: row.birth_year_only === 1,
    quality: row.quality,
    holderRecepisse: row.holder_recepisse,
    category: row.category,
    inSchool: row.in_school === 1,
    disabled: row.disabled === 1,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    status: row.status,
    nina: row.nina,
    communeCode: row.commune_code,
    commune: row.commune,
    phone: row.phone,
    importId: row.import_id,
    updatedAt: row.updated_at,
  };
}

export const toEligibilityRecord = (p: PersonView): EligibilityRecord => ({
  quality: p.quality,
  status: p.status,
  birthDate: p.birthDate,
  birthYearOnly: p.birthYearOnly,
  inSchool: p.inSchool,
  disabled: p.disabled,
  validFrom: p.validFrom,
  validTo: p.validTo,
});

/** Database column → PersonView field, for the history of a person's versions. */
export const COLUMN_FIELDS: Record<string, keyof PersonView> = {
  family_name: 'familyName',
  given_names: 'givenNames',
  sex: 'sex',
  birth_date: 'birthDate',
  birth_year_only: 'birthYearOnly',
  quality: 'quality',
  holder_recepisse: 'holderRecepisse',
  category: 'category',
  in_school: 'inSchool',
  disabled: 'disabled',
  valid_from: 'validFrom',
  valid_to: 'validTo',
  status: 'status',
  nina: 'nina',
  commune_code: 'communeCode',
  commune: 'commune',
  phone: 'phone',
  import_id: 'importId',
  updated_at: 'updatedAt',
};
