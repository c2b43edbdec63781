import type { StatisticsReport } from '../../../../shared/domain/statistics';
import type { StatTable, StatTableKey } from '../../../../shared/rules/statistics/tables';
import { formatDate, formatFcfa } from '../../lib/format';
import { Bars, COLORS, type ChartRow } from './charts';
import { StatSection } from './StatSection';

const SHORT_MONTHS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];
const shortMonth = (month: string) => SHORT_MONTHS[Number(month.slice(5, 7)) - 1] ?? month;

const one = (key: string, name: string, color = COLORS.main) => [{ key, name, color }];
const top = <T,>(rows: readonly T[], n: number) => rows.slice(0, n);

interface Props {
  report: StatisticsReport;
  tables: ReadonlyMap<StatTableKey, StatTable>;
}

/** Every figure of the report: a chart for the eye, its table for the numbers and the CSV. */
export function StatisticsSections({ report: r, tables }: Props) {
  const section = (key: StatTableKey) => tables.get(key);
  const patients = section('patients');
  const months = section('mois');
  const types = section('episodes-par-type');
  const prestations = section('prestations-par-categorie');
  const medicines = section('medicaments');
  const claims = section('reclamations');
  const reasons = section('motifs-de-rejet');
  const stock = section('ruptures');
  const refusals = section('refus-eligibilite');
  const identity = section('pieces-identite');
  const agents = section('pieces-par-agent');
  const noAnswer = r.claims.answered === null;
  return (
    <>
      {months ? (
        <StatSection
          table={months}
          reportKey={r.key}
          layout="stacked"
          chart={
            <Bars
              title="Patients vus par mois, nouveaux et déjà venus"
              layout="columns"
              stacked
              rows={r.months.map((m): ChartRow => ({ label: shortMonth(m.month), new: m.new, returning: m.returning }))}
              series={[
                { key: 'new', name: 'Nouveaux', color: COLORS.main },
                { key: 'returning', name: 'Déjà venus', color: COLORS.light },
              ]}
            />
          }
          note="Un patient vu plusieurs mois compte dans chacun de ces mois, mais une seule fois dans l’année."
        />
      ) : null}
      <div className="stat-pair">
        {patients ? (
          <StatSection
            table={patients}
            reportKey={r.key}
            layout="stacked"
            chart={
              <Bars
                title="Patients RAMED vus"
                rows={[
                  { label: 'Nouveaux', value: r.patients.new },
                  { label: 'Déjà venus', value: r.patients.returning },
                ]}
                series={one('value', 'Patients')}
                labelWidth={100}
              />
            }
            note="Nouveau : premier épisode dans l’établissement ouvert sur la période. Déjà venu : un épisode plus ancien existe."
          />
        ) : null}
        {types ? (
          <StatSection
            table={types}
            reportKey={r.key}
            layout="stacked"
            chart={
              <Bars
                title="Épisodes par type"
                rows={r.episodeTypes.map((t) => ({ label: t.label, value: t.episodes }))}
                series={one('value', 'Épisodes')}
                labelWidth={150}
              />
            }
          />
        ) : null}
      </div>
      {prestations ? (
        <StatSection
          table={prestations}
          reportKey={r.key}
          chart={
            <Bars
              title="Montant RAMED des prestations par catégorie"
              rows={r.prestations.map((p) => ({ label: p.label, value: p.amount }))}
              series={one('value', 'Montant RAMED (FCFA)')}
              labelWidth={120}
            />
          }
          note={
            r.programmeAmount > 0
              ? `Lignes de soins en vigueur, par date de l’acte. Enregistré pour les programmes de gratuité (césarienne, paludisme…), non facturé au RAMED : ${formatFcfa(r.programmeAmount)}.`
              : 'Lignes de soins en vigueur (les lignes annulées sont retirées), par date de l’acte.'
          }
        />
      ) : null}
      {medicines ? (
        <StatSection
          table={medicines}
          reportKey={r.key}
          layout="stacked"
          chart={
            <Bars
              title="Médicaments dispensés : les dix plus gros montants"
              rows={top(r.medicines, 10).map((m) => ({ label: m.dci, value: m.amount }))}
              series={one('value', 'Montant (FCFA)')}
              labelWidth={230}
            />
          }
          note="Dispensations de la pharmacie en vigueur, par date de dispensation. Le graphique montre les dix plus gros montants."
        />
      ) : null}
      {claims ? (
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
          note={[
            'Réclamé : la dernière version signée du mois.',
            noAnswer
              ? 'Aucune réponse de l’ANAM n’est enregistrée pour cette période : accepté, rejeté et taux de rejet restent à « — ».'
              : 'Accepté et rejeté : d’après les réponses de l’ANAM reçues ligne par ligne.',
            r.claims.paid === null ? 'Aucun paiement de l’ANAM n’est enregistré : payé et délai de remboursement restent à « — ».' : '',
          ]
            .filter(Boolean)
            .join(' ')}
        />
      ) : null}
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
      {stock ? (
        <StatSection
          table={stock}
          reportKey={r.key}
          layout="stacked"
          chart={
            <Bars
              title="Jours de rupture par médicament"
              rows={top(r.stock, 10).map((s) => ({ label: s.dci, value: s.daysOutOfStock }))}
              series={one('value', 'Jours de rupture', COLORS.warn)}
              labelWidth={230}
            />
          }
          note={`Un jour de rupture est un jour à la fin duquel il ne reste aucune unité utilisable (lots non périmés) du médicament.${
            r.stockFrom > r.first ? ` Jours comptés à partir du ${formatDate(r.stockFrom)}, premier mouvement de stock enregistré.` : ''
          }`}
        />
      ) : null}
      {identity ? (
        <StatSection
          table={identity}
          reportKey={r.key}
          chart={
            <Bars
              title="Pièces présentées à l’admission"
              stacked
              rows={r.identity.map((i) => ({ label: i.label, matched: i.matched, mismatched: i.mismatched, notCompared: i.notCompared }))}
              series={[
                { key: 'matched', name: 'Concordante', color: COLORS.ok },
                { key: 'mismatched', name: 'Non concordante', color: COLORS.bad },
                { key: 'notCompared', name: 'Non comparée', color: COLORS.grey },
              ]}
            />
          }
        />
      ) : null}
      {agents ? (
        <StatSection
          table={agents}
          reportKey={r.key}
          chart={
            <Bars
              title="Admissions sans pièce vérifiée, par agent"
              stacked
              rows={top(r.agents, 10).map((a) => ({ label: a.name, receiptOnly: a.receiptOnly, mismatches: a.mismatches }))}
              series={[
                { key: 'receiptOnly', name: 'Récépissé seul', color: COLORS.warn },
                { key: 'mismatches', name: 'Ne correspond pas', color: COLORS.bad },
              ]}
            />
          }
          note="Les mêmes comptes que la vue « Contrôle des abus », pour chaque agent qui a ouvert des épisodes sur la période."
        />
      ) : null}
    </>
  );
}
