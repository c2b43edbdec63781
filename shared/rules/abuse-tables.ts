import { OUTLIER_FACTOR } from './abuse-rules';
import type { AbuseReport, ControlRow } from '../domain/abuse';
import { EPISODE_TYPE_LABELS } from '../domain/episodes';
import { formatRecepisse } from '../domain/registry';

export type ControlCell = string | number;

export interface ControlColumn {
  header: string;
  kind: 'text' | 'number' | 'money';
}

export interface ControlTableRow {
  cells: ControlCell[];
  outlier: boolean;
  episodeIds: number[];
}

/** One table of the « Contrôle des abus »: the screen, the CLI's text and every CSV file show the same. */
export interface ControlTable {
  key: 'patients' | 'foyers' | 'agents' | 'prescripteurs' | 'episodes-couteux';
  title: string;
  /** What the median is of, and its value, in plain words. */
  note: string;
  columns: ControlColumn[];
  rows: ControlTableRow[];
  empty: string;
}

const text = (header: string): ControlColumn => ({ header, kind: 'text' });
const number = (header: string): ControlColumn => ({ header, kind: 'number' });
const OUTLIER = 'Hors norme';
const flag = (r: ControlRow) => (r.outlier ? 'oui' : '');
const decimal = (n: number | null) => (n === null ? '—' : String(n).replace('.', ','));
const medianNote = (what: string, n: number | null) =>
  n === null
    ? `Aucun ${what} ce mois-ci.`
    : `Médiane de l’établissement : ${decimal(n)} ${what} ; « hors norme » au-delà de ${OUTLIER_FACTOR} fois.`;

/** `controle-abus-2026-11-patients.csv` */
export const controlCsvName = (month: string, table: Pick<ControlTable, 'key'>) => `controle-abus-${month}-${table.key}.csv`;

export function controlTables(r: AbuseReport): ControlTable[] {
  return [
    {
      key: 'patients',
      title: 'Patients les plus vus',
      note: medianNote('épisode(s) par patient', r.medians.visits),
      columns: [text('Patient'), text('Récépissé'), number('Épisodes'), text(OUTLIER)],
      rows: r.patients.map((p) => ({
        cells: [p.name, formatRecepisse(p.recepisse), p.visits, flag(p)],
        outlier: p.outlier,
        episodeIds: p.episodeIds,
      })),
      empty: 'Aucun patient vu deux fois ou plus ce mois-ci.',
    },
    {
      key: 'foyers',
      title: 'Foyers les plus vus',
      note: medianNote('épisode(s) par foyer', r.medians.householdVisits),
      columns: [text('Titulaire'), text('Récépissé du titulaire'), number('Personnes vues'), number('Épisodes'), text(OUTLIER)],
      rows: r.households.map((h) => ({
        cells: [h.holderName, formatRecepisse(h.holderRecepisse), h.persons, h.visits, flag(h)],
        outlier: h.outlier,
        episodeIds: h.episodeIds,
      })),
      empty: 'Aucun foyer vu deux fois ou plus ce mois-ci.',
    },
    {
      key: 'agents',
      title: 'Admissions sans pièce vérifiée, par agent',
      note: medianNote('admission(s) « récépissé seul » ou « ne correspond pas » par agent', r.medians.unchecked),
      columns: [
        text('Agent'),
        text('Identifiant'),
        number('Admissions'),
        number('Récépissé seul'),
        number('Ne correspond pas'),
        number('À revoir'),
        text(OUTLIER),
      ],
      rows: r.agents.map((a) => ({
        cells: [a.name, a.login, a.admissions, a.receiptOnly, a.mismatches, a.value, flag(a)],
        outlier: a.outlier,
        episodeIds: a.episodeIds,
      })),
      empty: 'Aucune admission ce mois-ci.',
    },
    {
      key: 'prescripteurs',
      title: 'Actes par épisode, par prescripteur',
      note: medianNote('acte(s) par épisode', r.medians.perEpisode),
      columns: [text('Prescripteur'), number('Épisodes'), number('Actes'), text('Actes par épisode'), text(OUTLIER)],
      rows: r.prescribers.map((p) => ({
        cells: [p.prescriber, p.episodes, p.acts, decimal(p.perEpisode), flag(p)],
        outlier: p.outlier,
        episodeIds: p.episodeIds,
      })),
      empty: 'Aucun acte ce mois-ci.',
    },
    {
      key: 'episodes-couteux',
      title: 'Épisodes au-delà du double de la médiane de leur type',
      note: `Montant facturé au RAMED comparé à la médiane des épisodes du même type du mois (${OUTLIER_FACTOR} fois au-delà, 3 épisodes payés du type au moins).`,
      columns: [
        text('N° d’épisode'),
        text('Patient'),
        text('Récépissé'),
        text('Type'),
        { header: 'Montant RAMED', kind: 'money' },
        { header: 'Médiane du type', kind: 'money' },
      ],
      rows: r.costly.map((c) => ({
        cells: [c.number, c.patientName, formatRecepisse(c.recepisse), EPISODE_TYPE_LABELS[c.type], c.amount, c.typeMedian],
        outlier: true,
        episodeIds: c.episodeIds,
      })),
      empty: 'Aucun épisode au-delà du double de la médiane de son type.',
    },
  ];
}
