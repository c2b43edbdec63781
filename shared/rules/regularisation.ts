import { addDays, frenchDate } from '../lib/dates';

/**
 * A person admitted in an emergency although the registry did not cover them must appear in it
 * (a version recorded by the ANAM that makes them eligible on the day of care) within the
 * facility's number of days (setting `reception.regularisationDays`). Pure.
 */

/** One version of the person as the registry recorded it: when it arrived, and what it says of the day of care. */
export interface RegistrySighting {
  /** YYYY-MM-DD: the day this version was written to the local registry. */
  recordedOn: string;
  eligibleOnCareDay: boolean;
}

export type Regularisation =
  | { status: 'regularised'; on: string; deadline: string }
  | { status: 'pending'; deadline: string }
  | { status: 'lapsed'; deadline: string };

/** The deadline itself is still in time: day of care + N days, inclusive. */
export function regularisationDeadline(careDay: string, days: number): string {
  return addDays(careDay, days);
}

/** Where the episode stands on `asOf`: regularised by a version recorded in time, still awaited, or too late. */
export function regularisationAsOf(input: {
  careDay: string;
  days: number;
  sightings: readonly RegistrySighting[];
  asOf: string;
}): Regularisation {
  const deadline = regularisationDeadline(input.careDay, input.days);
  const known = input.sightings.filter((s) => s.eligibleOnCareDay && s.recordedOn <= input.asOf && s.recordedOn <= deadline);
  const first = known.map((s) => s.recordedOn).sort()[0];
  if (first !== undefined) return { status: 'regularised', on: first, deadline };
  return input.asOf <= deadline ? { status: 'pending', deadline } : { status: 'lapsed', deadline };
}

/** The French sentence a claim check or a screen shows for a status. */
export function regularisationText(r: Regularisation): string {
  switch (r.status) {
    case 'regularised':
      return `Régularisée : la personne est au registre depuis le ${frenchDate(r.on)}, éligible le jour des soins.`;
    case 'pending':
      return `En attente de régularisation : la personne doit apparaître au registre, éligible le jour des soins, au plus tard le ${frenchDate(r.deadline)}.`;
    case 'lapsed':
      return `Non régularisée : la personne n’est pas apparue au registre, éligible le jour des soins, avant le ${frenchDate(r.deadline)}.`;
  }
}
