import type { CheckResult, PersonMatch } from '../../../shared/domain/registry-lookup';
import {
  formatRecepisse,
  personName,
  type PersonView,
  QUALITY_LABELS,
  REASON_LABELS,
  STATUS_LABELS,
  WARNING_LABELS,
} from '../../../shared/domain/registry';
import { frenchDate } from '../../../shared/lib/dates';
import type { Eligibility } from '../../../shared/rules/eligibility';

/** DD/MM/YYYY, or a dash for no date. */
const day = (iso: string | null): string => (iso ? frenchDate(iso) : '—');

export const frenchNumber = (n: number): string => new Intl.NumberFormat('fr-FR').format(n).replace(/\u202f|\u00a0/g, ' ');

const born = (p: PersonView) =>
  p.birthYearOnly
    ? `${p.sex === 'F' ? 'née' : 'né'} vers ${p.birthDate.slice(0, 4)}`
    : `${p.sex === 'F' ? 'née' : 'né'} le ${day(p.birthDate)}`;

export function personLine(p: PersonView): string {
  return `${personName(p.familyName, p.givenNames)} — récépissé ${formatRecepisse(p.recepisse)} — ${QUALITY_LABELS[p.quality]}, ${born(p)}${p.status === 'actif' ? '' : ` — ${STATUS_LABELS[p.status]}`}`;
}

function eligibilityLines(e: Eligibility): string[] {
  return [
    ...e.reasons.map((r) => `  Motif : ${REASON_LABELS[r]}`),
    ...e.holderReasons.map((r) => `    (titulaire) ${REASON_LABELS[r]}`),
    ...e.warnings.map((w) => `  Alerte : ${WARNING_LABELS[w]}`),
  ];
}

export function checkText(result: CheckResult): string {
  const lines = [`${result.eligible ? 'ÉLIGIBLE' : 'NON ÉLIGIBLE'} le ${day(result.date)}`];
  if (result.person) {
    lines.push(`Personne : ${personLine(result.person)}`);
    if (result.person.validFrom || result.person.validTo)
      lines.push(`Validité : du ${day(result.person.validFrom)} au ${day(result.person.validTo)}`);
    if (result.holder)
      lines.push(
        `Titulaire : ${personLine(result.holder)}`,
        `Validité du titulaire : du ${day(result.holder.validFrom)} au ${day(result.holder.validTo)}`,
      );
  }
  return [...lines, ...eligibilityLines(result)].join('\n');
}

export function matchLine(m: PersonMatch): string {
  const verdict = m.eligibility.eligible ? 'éligible' : `non éligible (${m.eligibility.reasons.map((r) => REASON_LABELS[r]).join(' ; ')})`;
  return `${formatRecepisse(m.recepisse)}  ${personName(m.familyName, m.givenNames)}, ${m.sex}, ${born(m)}, ${QUALITY_LABELS[m.quality]}${m.commune ? `, ${m.commune}` : ''} — ${verdict}`;
}
