import type { DeskCheck } from '../../../../shared/domain/reception';

/** A request for registration as typed at the desk; the birth as typed (a date JJ/MM/AAAA or a year). */
export interface RegistrationDraft {
  familyName: string;
  givenNames: string;
  sex: 'F' | 'M' | '';
  birth: string;
  commune: string;
  phone: string;
}

/** Pre-filled from the registry when it knows the person (rights ended), empty otherwise. */
export function registrationDraftOf(p: DeskCheck['person']): RegistrationDraft {
  return {
    familyName: p?.familyName ?? '',
    givenNames: p?.givenNames ?? '',
    sex: p?.sex ?? '',
    birth: p ? (p.birthYearOnly ? p.birthDate.slice(0, 4) : p.birthDate.split('-').reverse().join('/')) : '',
    commune: p?.commune ?? '',
    phone: p?.phone ?? '',
  };
}

/** « 1970 » is a year alone; « 28/02/1991 » a date (JJ/MM/AAAA); anything else is left to the contract's message. */
function birthOf(text: string): { birthYear: number } | { birthDate: string } | Record<string, never> {
  const typed = text.trim();
  if (/^\d{4}$/.test(typed)) return { birthYear: Number(typed) };
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed);
  if (m) return { birthDate: `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` };
  return {};
}

/** The input of `registration.request`: the récépissé presented, if any. */
export function registrationInput({ birth, sex, ...draft }: RegistrationDraft, recepisse: string) {
  return {
    ...draft,
    sex: sex as 'F' | 'M',
    ...birthOf(birth),
    recepisse: recepisse.trim() === '' ? undefined : recepisse,
  };
}
