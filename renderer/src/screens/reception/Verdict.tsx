import type { CheckResult, Household, HouseholdMember } from '../../../../shared/domain/registry-lookup';
import { REFUSAL_ADVICE } from '../../../../shared/domain/reception';
import { formatRecepisse, personName, QUALITY_LABELS, REASON_LABELS, WARNING_LABELS } from '../../../../shared/domain/registry';
import { formatBirth, formatDate } from '../../lib/format';

const fullName = (p: { familyName: string; givenNames: string }) => personName(p.familyName, p.givenNames);

/** The answer at the desk, readable from a metre away: colour and words, every reason, what to do instead. */
export function Verdict({ result }: { result: CheckResult }) {
  const { person, holder } = result;
  return (
    <section className={`verdict ${result.eligible ? 'verdict-ok' : 'verdict-no'}`} aria-label="Résultat de la vérification">
      <p className="verdict-word" role="status">
        {result.eligible ? '✔ ÉLIGIBLE' : '✘ NON ÉLIGIBLE'}
      </p>
      {person ? (
        <p className="verdict-person">
          <strong>{fullName(person)}</strong> — récépissé <span className="mono">{formatRecepisse(person.recepisse)}</span> —{' '}
          {QUALITY_LABELS[person.quality]}
          {result.age !== null ? `, ${result.age} ans` : ''}
        </p>
      ) : null}
      {result.reasons.length > 0 ? (
        <ul className="verdict-reasons" aria-label="Motifs">
          {result.reasons.map((r) => (
            <li key={r}>
              <strong>{REASON_LABELS[r]}</strong>
              {r === 'HOLDER_NOT_ELIGIBLE' && result.holderReasons.length > 0
                ? ` (${result.holderReasons.map((h) => REASON_LABELS[h].toLowerCase()).join(', ')})`
                : ''}
              . {REFUSAL_ADVICE[r]}
            </li>
          ))}
        </ul>
      ) : null}
      {person ? (
        <p>
          Validité : {person.validFrom || holder?.validFrom ? `du ${formatDate(person.validFrom ?? holder?.validFrom)}` : '—'}
          {result.validUntil ? ` au ${formatDate(result.validUntil)}` : ''}
          {holder && holder.recepisse !== person.recepisse ? (
            <>
              {' '}
              — Titulaire : <strong>{fullName(holder)}</strong> (<span className="mono">{formatRecepisse(holder.recepisse)}</span>)
            </>
          ) : null}
        </p>
      ) : null}
      {result.warnings.length > 0 ? (
        <ul className="verdict-warnings" aria-label="Avertissements">
          {result.warnings.map((w) => (
            <li key={w}>⚠ {WARNING_LABELS[w]}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The household with each member's status today. */
export function HouseholdTable({ household, current }: { household: Household; current: string }) {
  const members: HouseholdMember[] = [...(household.holder ? [household.holder] : []), ...household.spouses, ...household.children];
  return (
    <table className="household" aria-label="Foyer">
      <caption>Foyer ({members.length} personne(s))</caption>
      <thead>
        <tr>
          <th>Nom</th>
          <th>Qualité</th>
          <th>Naissance</th>
          <th>Récépissé</th>
          <th>Aujourd’hui</th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <tr key={m.person.recepisse} className={m.person.recepisse === current ? 'current' : undefined}>
            <td>{fullName(m.person)}</td>
            <td>{QUALITY_LABELS[m.person.quality]}</td>
            <td className="nowrap">{formatBirth(m.person.birthDate, m.person.birthYearOnly)}</td>
            <td className="mono nowrap">{formatRecepisse(m.person.recepisse)}</td>
            <td className={m.eligibility.eligible ? 'text-ok' : 'text-no'}>
              {m.eligibility.eligible ? 'Éligible' : `Non éligible : ${m.eligibility.reasons.map((r) => REASON_LABELS[r]).join(', ')}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
