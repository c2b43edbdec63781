import type { StatisticsReport } from '../../../../../shared/domain/statistics';
import { Bars, COLORS } from '../charts';
import { StatSection } from '../StatSection';
import { one, shortMonth, top, type SectionsProps } from './section-kit';

/** What the claims' note says of the ANAM's answers and payments, when there are none yet. */
function claimsNote(r: StatisticsReport): string {
  return [
    'Réclamé : la dernière version signée du mois.',
    r.claims.answered === null
      ? 'Aucune réponse de l’ANAM n’est enregistrée pour cette période : accepté, rejeté et taux de rejet restent à « — ».'
      : 'Accepté et rejeté : d’après les réponses de l’ANAM reçues ligne par ligne.',
    r.claims.paid === null ? 'Aucun paiement de l’ANAM n’est enregistré : payé et délai de remboursement restent à « — ».' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Amounts claimed, accepted, rejected and paid, by month. */
export function ClaimSection({ report: r, tables }: SectionsProps) {
  const claims = tables.get('reclamations');
  if (!claims) return null;
  return (
    <StatSection
      table={claims}
      reportKey={r.key}
      layout="stacked"
      chart={
        <Bars
          title="Montants réclamés, acceptés, rejetés et payés"
          layout="columns"
          rows={r.claims.months.map((c) => ({
            label: r.period.kind === 'year' ? shortMonth(c.month) : c.label,
            claimed: c.claimed,
            accepted: c.accepted,
            rejected: c.rejected,
            paid: c.paid,
          }))}
          series={[
            { key: 'claimed', name: 'Réclamé', color: COLORS.main },
            { key: 'accepted', name: 'Accepté', color: COLORS.ok },
            { key: 'rejected', name: 'Rejeté', color: COLORS.bad },
            { key: 'paid', name: 'Payé', color: COLORS.warn },
          ]}
        />
      }
      note={claimsNote(r)}
    />
  );
}

/** What was refused, side by side: the ANAM's rejection reasons, the desk's eligibility refusals. */
export function RefusalSections({ report: r, tables }: SectionsProps) {
  const reasons = tables.get('motifs-de-rejet');
  const refusals = tables.get('refus-eligibilite');
  return (
    <div className="stat-pair">
      {reasons ? (
        <StatSection
          table={reasons}
          reportKey={r.key}
          layout="stacked"
          chart={
            <Bars
              title="Principaux motifs de rejet (montant rejeté)"
              rows={top(r.claims.reasons, 5).map((x) => ({ label: x.label, value: x.amount }))}
              series={one('value', 'Montant rejeté (FCFA)', COLORS.bad)}
              labelWidth={200}
            />
          }
        />
      ) : null}
      {refusals ? (
        <StatSection
          table={refusals}
          reportKey={r.key}
          layout="stacked"
          chart={
            <Bars
              title="Refus d’éligibilité par motif"
              rows={r.eligibility.reasons.map((x) => ({ label: x.label, value: x.refusals }))}
              series={one('value', 'Refus', COLORS.bad)}
              labelWidth={200}
            />
          }
          note="Vérifications et admissions à l’accueil ; une personne refusée plusieurs fois le même jour compte une fois."
        />
      ) : null}
    </div>
  );
}
