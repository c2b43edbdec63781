import { daysBetween } from '../../lib/dates';
import type { StatisticsReport } from '../../domain/statistics';
import { percentOf } from './shape';

export type StatCell = string | number | null;

export interface StatColumn {
  header: string;
  kind: 'text' | 'number';
  /** Summed in the totals row (only where a sum means something). */
  total?: boolean;
}

/** One table of the dashboard: what the screen shows under its chart, the CSV file and the PDF print. */
export interface StatTable {
  key: string;
  title: string;
  columns: StatColumn[];
  rows: StatCell[][];
  empty: string;
}

export const STAT_TABLE_KEYS = [
  'patients',
  'mois',
  'episodes-par-type',
  'prestations-par-categorie',
  'medicaments',
  'reclamations',
  'motifs-de-rejet',
  'ruptures',
  'refus-eligibilite',
  'pieces-identite',
  'pieces-par-agent',
] as const;
export type StatTableKey = (typeof STAT_TABLE_KEYS)[number];

const text = (header: string): StatColumn => ({ header, kind: 'text' });
const count = (header: string, total = true): StatColumn => ({ header, kind: 'number', total });

/** `statistiques-2026-10-medicaments.csv` */
export const csvFileName = (report: Pick<StatisticsReport, 'key'>, table: Pick<StatTable, 'key'>): string =>
  `statistiques-${report.key}-${table.key}.csv`;

/** Every table of the report, in the dashboard's order; the monthly breakdown only for a year. */
export function statisticsTables(r: StatisticsReport): StatTable[] {
  const days = daysBetween(r.stockFrom, r.through) + 1;
  const tables: Array<StatTable & { key: StatTableKey }> = [
    {
      key: 'patients',
      title: 'Patients RAMED vus',
      columns: [text('Patients'), count('Nombre'), count('Part (%)', false)],
      rows: r.patients.seen
        ? [
            ['Nouveaux (premier épisode dans l’établissement)', r.patients.new, percentOf(r.patients.new, r.patients.seen)],
            ['Déjà venus', r.patients.returning, percentOf(r.patients.returning, r.patients.seen)],
          ]
        : [],
      empty: 'Aucun patient vu sur la période.',
    },
    {
      key: 'mois',
      title: 'Activité mois par mois',
      columns: [
        text('Mois'),
        // A patient seen in two months is one patient of the year: monthly counts do not add up.
        count('Patients vus', false),
        count('Nouveaux'),
        count('Épisodes'),
        count('Actes RAMED (FCFA)'),
        count('Médicaments (FCFA)'),
        count('Réclamé (FCFA)'),
      ],
      rows: r.months.map((m) => [m.label, m.seen, m.new, m.episodes, m.prestations, m.medicines, m.claimed]),
      empty: 'Aucun mois.',
    },
    {
      key: 'episodes-par-type',
      title: 'Épisodes par type',
      columns: [text('Type'), count('Épisodes'), count('Dont urgences'), count('Part (%)', false)],
      rows: r.episodes ? r.episodeTypes.map((t) => [t.label, t.episodes, t.emergencies, t.share]) : [],
      empty: 'Aucun épisode ouvert sur la période.',
    },
    {
      key: 'prestations-par-categorie',
      title: 'Prestations par catégorie',
      columns: [
        text('Catégorie'),
        count('Lignes'),
        count('Quantité'),
        count('Montant RAMED (FCFA)'),
        // Recorded for the free-care programmes: never RAMED money.
        ...(r.programmeAmount > 0 ? [count('Programmes de gratuité (FCFA)')] : []),
      ],
      rows: r.prestations.map((p) => [p.label, p.lines, p.quantity, p.amount, ...(r.programmeAmount > 0 ? [p.programme] : [])]),
      empty: 'Aucune prestation sur la période.',
    },
    {
      key: 'medicaments',
      title: 'Médicaments dispensés',
      // The RAMED's part, then one column per programme that paid for medicines, then all dispensed.
      columns: [
        text('DCI'),
        text('Forme et dosage'),
        count('Lignes'),
        count('Quantité', false),
        count('RAMED (FCFA)'),
        ...r.medicinePayers.map((code) => count(`Programme ${code} (FCFA)`)),
        count('Montant (FCFA)'),
      ],
      rows: r.medicines.map((m) => [
        m.dci,
        m.presentation,
        m.lines,
        m.quantity,
        m.ramed,
        ...r.medicinePayers.map((code) => m.programmes[code] ?? 0),
        m.amount,
      ]),
      empty: 'Aucun médicament dispensé sur la période.',
    },
    {
      key: 'reclamations',
      title: 'Réclamations à l’ANAM',
      columns: [
        text('Mois'),
        count('Version', false),
        text('Statut'),
        count('Réclamé (FCFA)'),
        count('Accepté (FCFA)'),
        count('Rejeté (FCFA)'),
        count('Payé (FCFA)'),
      ],
      rows: r.claims.months.map((c) => [c.label, c.version, c.statusLabel, c.claimed, c.accepted, c.rejected, c.paid]),
      empty: 'Aucune réclamation construite pour la période.',
    },
    {
      key: 'motifs-de-rejet',
      title: 'Motifs de rejet de l’ANAM',
      columns: [text('Motif'), text('Code'), count('Lignes'), count('Montant rejeté (FCFA)')],
      rows: r.claims.reasons.map((x) => [x.label, x.code, x.lines, x.amount]),
      empty: r.claims.answered ? 'Aucune ligne rejetée.' : 'Aucune réponse de l’ANAM enregistrée pour la période.',
    },
    {
      key: 'ruptures',
      title: 'Ruptures de stock et demande non satisfaite',
      columns: [
        text('DCI'),
        text('Forme et dosage'),
        count(`Jours de rupture (sur ${days})`, false),
        count('Demandes non satisfaites'),
        count('Unités manquantes', false),
      ],
      rows: r.stock.map((s) => [s.dci, s.presentation, s.daysOutOfStock, s.requests, s.unmetUnits]),
      empty: 'Ni rupture ni demande non satisfaite sur la période.',
    },
    {
      key: 'refus-eligibilite',
      title: 'Refus d’éligibilité par motif',
      columns: [text('Motif'), text('Code'), count('Refus', false), count('Part des refus (%)', false)],
      rows: r.eligibility.reasons.map((x) => [x.label, x.code, x.refusals, x.share]),
      empty: r.eligibility.checked ? 'Aucun refus sur la période.' : 'Aucune vérification enregistrée à l’accueil sur la période.',
    },
    {
      key: 'pieces-identite',
      title: 'Vérification d’identité par pièce présentée',
      columns: [text('Pièce présentée'), count('Admissions'), count('Concordante'), count('Non concordante'), count('Non comparée')],
      rows: r.identity.some((i) => i.checks > 0) ? r.identity.map((i) => [i.label, i.checks, i.matched, i.mismatched, i.notCompared]) : [],
      empty: 'Aucune admission enregistrée à l’accueil sur la période.',
    },
    {
      key: 'pieces-par-agent',
      title: 'Admissions sans pièce vérifiée, par agent',
      columns: [text('Agent'), text('Identifiant'), count('Admissions'), count('Récépissé seul'), count('Ne correspond pas')],
      rows: r.agents.map((a) => [a.name, a.login, a.admissions, a.receiptOnly, a.mismatches]),
      empty: 'Aucune admission enregistrée à l’accueil sur la période.',
    },
  ];
  return tables
    .filter((t) => t.key !== 'mois' || r.period.kind === 'year')
    .map((t) => ({
      ...t,
      // A column of unknown figures (nothing paid is recorded) totals to « — », not to 0.
      columns: t.columns.map((c, i) => (c.total && t.rows.every((row) => row[i] === null) ? { ...c, total: false } : c)),
    }));
}
