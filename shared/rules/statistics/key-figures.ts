import type { StatisticsReport } from '../../domain/statistics';
import { formatAmount, formatInteger } from '../../lib/money';

export interface KeyFigure {
  key: string;
  label: string;
  /** Formatted the French way; `—` when the figure is not known. */
  value: string;
  /** What the figure covers, or why it is not known. */
  note: string;
}

const NONE = '—';

/** 0.1234 → « 12,3 % » */
export const formatRate = (rate: number): string => `${(Math.round(rate * 1000) / 10).toLocaleString('fr-FR')} %`;

const plural = (n: number, one: string, many: string) => `${formatInteger(n)} ${n > 1 ? many : one}`;

/** The cards at the top of the dashboard and the key figures of the PDF, in reading order. */
export function keyFigures(r: StatisticsReport): KeyFigure[] {
  const answered = r.claims.answered;
  const signed = r.claims.months.filter((c) => c.claimed !== null).length;
  const noAnswer = 'Aucune réponse de l’ANAM enregistrée';
  const unmet = r.stock.reduce((s, x) => s + x.requests, 0);
  return [
    {
      key: 'patients',
      label: 'Patients RAMED vus',
      value: formatInteger(r.patients.seen),
      note: `${plural(r.patients.new, 'nouveau', 'nouveaux')}, ${plural(r.patients.returning, 'déjà venu', 'déjà venus')}`,
    },
    {
      key: 'episodes',
      label: 'Épisodes de soins',
      value: formatInteger(r.episodes),
      note: `dont ${plural(r.emergencies, 'urgence', 'urgences')}`,
    },
    {
      key: 'prestations',
      label: 'Prestations (RAMED)',
      value: formatAmount(r.prestationsAmount),
      note: plural(
        r.prestations.reduce((s, p) => s + p.lines, 0),
        'ligne de soins',
        'lignes de soins',
      ),
    },
    {
      key: 'medicines',
      label: 'Médicaments dispensés',
      value: formatAmount(r.medicinesAmount),
      note: plural(r.medicines.length, 'DCI', 'DCI'),
    },
    {
      key: 'claimed',
      label: 'Montant réclamé',
      value: signed ? formatAmount(r.claims.claimed) : NONE,
      note: signed ? plural(signed, 'réclamation signée', 'réclamations signées') : 'Aucune réclamation signée',
    },
    {
      key: 'accepted',
      label: 'Accepté par l’ANAM',
      value: answered ? formatAmount(answered.accepted) : NONE,
      note: answered ? `sur ${formatAmount(answered.amount)} examinés` : noAnswer,
    },
    {
      key: 'rejected',
      label: 'Rejeté par l’ANAM',
      value: answered ? formatAmount(answered.rejected) : NONE,
      note: answered ? plural(r.claims.reasons.length, 'motif', 'motifs') : noAnswer,
    },
    {
      key: 'rejectionRate',
      label: 'Taux de rejet',
      value: answered?.rejectionRate != null ? formatRate(answered.rejectionRate) : NONE,
      note: answered ? 'du montant examiné par l’ANAM' : noAnswer,
    },
    {
      key: 'paid',
      label: 'Payé par l’ANAM',
      value: r.claims.paid !== null ? formatAmount(r.claims.paid) : NONE,
      note: r.claims.paid !== null ? 'paiements reçus' : 'Aucun paiement enregistré',
    },
    {
      key: 'delay',
      label: 'Délai moyen de remboursement',
      value: r.claims.averageDelayDays !== null ? plural(Math.round(r.claims.averageDelayDays), 'jour', 'jours') : NONE,
      note: r.claims.averageDelayDays !== null ? 'de la signature au paiement' : 'Aucun paiement enregistré',
    },
    {
      key: 'stock',
      label: 'Médicaments en rupture',
      value: plural(r.stock.filter((s) => s.daysOutOfStock > 0).length, 'DCI', 'DCI'),
      note: plural(unmet, 'demande non satisfaite', 'demandes non satisfaites'),
    },
    {
      key: 'refusals',
      label: 'Refus d’éligibilité',
      value: formatInteger(r.eligibility.refused),
      note:
        r.eligibility.refusalRate !== null
          ? `${formatRate(r.eligibility.refusalRate)} de ${plural(r.eligibility.checked, 'personne vérifiée', 'personnes vérifiées')}`
          : 'Aucune vérification à l’accueil',
    },
  ];
}
