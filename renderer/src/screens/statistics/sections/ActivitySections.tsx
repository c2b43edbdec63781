import { formatFcfa } from '../../../lib/format';
import { Bars, COLORS, type ChartRow } from '../charts';
import { StatSection } from '../StatSection';
import { one, shortMonth, top, type SectionsProps } from './section-kit';

/** Who came: patients by month (new and returning), patients, episodes by type. */
export function PatientSections({ report: r, tables }: SectionsProps) {
  const months = tables.get('mois');
  const patients = tables.get('patients');
  const types = tables.get('episodes-par-type');
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
    </>
  );
}

/** The care given: prestations by category (with what the free-care programmes took). */
export function PrestationSection({ report: r, tables }: SectionsProps) {
  const prestations = tables.get('prestations-par-categorie');
  if (!prestations) return null;
  return (
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
  );
}

/** The identity papers shown at admission, and whether they matched the registry. */
export function IdentitySection({ report: r, tables }: SectionsProps) {
  const identity = tables.get('pieces-identite');
  if (!identity) return null;
  return (
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
  );
}

/** Admissions without a checked paper, by the agent who opened the episode (the abuse control's counts). */
export function AgentSection({ report: r, tables }: SectionsProps) {
  const agents = tables.get('pieces-par-agent');
  if (!agents) return null;
  return (
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
  );
}
