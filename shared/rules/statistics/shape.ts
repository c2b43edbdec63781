import { CLAIM_CATEGORIES, CLAIM_CATEGORY_LABELS, CLAIM_STATUS_LABELS } from '../../domain/claims';
import { EPISODE_TYPES, EPISODE_TYPE_LABELS, IDENTITY_DOCUMENTS, IDENTITY_DOCUMENT_LABELS } from '../../domain/episodes';
import { REFERRAL_LABELS, REFERRAL_REQUIRED } from '../../domain/reception';
import { REASON_LABELS, type ReasonCode } from '../../domain/registry';
import type { StatisticsFigures, StatisticsReport } from '../../domain/statistics';
import { frenchMonth } from '../../lib/months';
import { medicinesByPayer } from './payers';
import { periodBounds } from './period';

/** A part of a whole in whole percent, or null when the whole is empty. */
export const percentOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((100 * part) / whole));

/** A fraction, or null when the whole is empty. */
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

const presentation = (form: string, strength: string) => [form, strength].filter(Boolean).join(' ');

export function refusalLabel(code: string): string {
  if (code === REFERRAL_REQUIRED) return REFERRAL_LABELS[REFERRAL_REQUIRED];
  return REASON_LABELS[code as ReasonCode] ?? code;
}

/**
 * Shapes the raw figures for every reader: labels, returning patients, shares and rates, rows in a
 * stable order (every episode type and identity document, even at zero) or by size (medicines,
 * stock-outs, reasons). Pure: the same figures always give the same report.
 */
export function shapeStatistics(f: StatisticsFigures): StatisticsReport {
  const bounds = periodBounds(f.period);
  const answersOf = new Map((f.answers?.months ?? []).map((a) => [a.month, a]));
  const paidOf = new Map((f.payments?.months ?? []).map((p) => [p.month, p.paid]));
  const claimOf = new Map(f.claims.map((c) => [c.month, c]));

  const episodes = sum(f.episodeTypes.map((t) => t.episodes));
  const typeOf = new Map(f.episodeTypes.map((t) => [t.type, t]));
  const categoryOf = new Map(f.prestations.map((p) => [p.category, p]));
  const identityOf = new Map(f.identity.map((i) => [i.document, i]));
  const byPayer = medicinesByPayer(f.medicines);

  const answered = f.answers
    ? {
        amount: sum(f.answers.months.map((a) => a.answered)),
        accepted: sum(f.answers.months.map((a) => a.accepted)),
        rejected: sum(f.answers.months.map((a) => a.rejected)),
      }
    : null;

  return {
    period: f.period,
    key: bounds.key,
    label: bounds.label,
    first: bounds.first,
    last: bounds.last,
    through: f.through,
    running: f.today <= bounds.last,
    facility: f.facility,
    patients: { ...f.patients, returning: f.patients.seen - f.patients.new },
    months: f.months.map((m) => ({
      month: m.month,
      label: frenchMonth(m.month),
      seen: m.patients.seen,
      new: m.patients.new,
      returning: m.patients.seen - m.patients.new,
      episodes: m.episodes,
      prestations: m.prestations,
      medicines: m.medicines,
      claimed: claimOf.get(m.month)?.claimed ?? null,
    })),
    episodes,
    emergencies: sum(f.episodeTypes.map((t) => t.emergencies)),
    episodeTypes: EPISODE_TYPES.map((type) => {
      const t = typeOf.get(type);
      return {
        type,
        label: EPISODE_TYPE_LABELS[type],
        episodes: t?.episodes ?? 0,
        emergencies: t?.emergencies ?? 0,
        share: percentOf(t?.episodes ?? 0, episodes),
      };
    }),
    prestations: CLAIM_CATEGORIES.flatMap((category) => {
      const p = categoryOf.get(category);
      return p && p.lines > 0
        ? [
            {
              category,
              label: CLAIM_CATEGORY_LABELS[category],
              lines: p.lines,
              quantity: p.quantity,
              amount: p.amount,
              programme: p.programme,
            },
          ]
        : [];
    }),
    prestationsAmount: sum(f.prestations.map((p) => p.amount)),
    programmeAmount: sum(f.prestations.map((p) => p.programme)),
    medicines: byPayer.medicines
      .map((m) => ({
        medicineCode: m.medicineCode,
        dci: m.dci,
        presentation: presentation(m.form, m.strength),
        lines: m.lines,
        quantity: m.quantity,
        amount: m.amount,
        ramed: m.ramed,
        programmes: m.programmes,
      }))
      .sort((a, b) => b.amount - a.amount || a.dci.localeCompare(b.dci, 'fr')),
    medicinePayers: byPayer.programmes,
    medicinesAmount: sum(f.medicines.map((m) => m.amount)),
    medicinesRamedAmount: sum(byPayer.medicines.map((m) => m.ramed)),
    claims: {
      months: f.claims.map((c) => {
        const answer = answersOf.get(c.month);
        return {
          month: c.month,
          label: frenchMonth(c.month),
          version: c.version,
          status: c.status,
          statusLabel: c.claimed === null ? `${CLAIM_STATUS_LABELS[c.status]}, non signée` : CLAIM_STATUS_LABELS[c.status],
          claimed: c.claimed,
          accepted: answer?.accepted ?? null,
          rejected: answer?.rejected ?? null,
          paid: paidOf.get(c.month) ?? null,
        };
      }),
      claimed: sum(f.claims.map((c) => c.claimed ?? 0)),
      answered: answered && { ...answered, rejectionRate: ratio(answered.rejected, answered.accepted + answered.rejected) },
      reasons: [...(f.answers?.reasons ?? [])].sort((a, b) => b.amount - a.amount || b.lines - a.lines || a.code.localeCompare(b.code)),
      paid: f.payments ? sum(f.payments.months.map((p) => p.paid)) : null,
      averageDelayDays: f.payments?.averageDelayDays ?? null,
    },
    stock: f.stock
      .map((s) => ({
        medicineCode: s.medicineCode,
        dci: s.dci,
        presentation: presentation(s.form, s.strength),
        daysOutOfStock: s.daysOutOfStock,
        daysInPeriod: s.daysInPeriod,
        requests: s.requests,
        unmetUnits: s.unmetUnits,
      }))
      .sort((a, b) => b.daysOutOfStock - a.daysOutOfStock || b.unmetUnits - a.unmetUnits || a.dci.localeCompare(b.dci, 'fr')),
    stockFrom: f.stockFrom,
    eligibility: {
      checked: f.checks.checked,
      refused: f.checks.refused,
      admitted: f.checks.admitted,
      refusalRate: ratio(f.checks.refused, f.checks.checked),
      reasons: f.checks.reasons
        .map((r) => ({ code: r.code, label: refusalLabel(r.code), refusals: r.refusals, share: percentOf(r.refusals, f.checks.refused) }))
        .sort((a, b) => b.refusals - a.refusals || a.code.localeCompare(b.code)),
    },
    identity: IDENTITY_DOCUMENTS.map((document) => {
      const i = identityOf.get(document);
      const checks = i?.checks ?? 0;
      const matched = i?.matched ?? 0;
      const mismatched = i?.mismatched ?? 0;
      return {
        document,
        label: IDENTITY_DOCUMENT_LABELS[document],
        checks,
        matched,
        mismatched,
        notCompared: checks - matched - mismatched,
      };
    }),
    agents: [...f.agents].sort(
      (a, b) =>
        b.receiptOnly + b.mismatches - (a.receiptOnly + a.mismatches) || b.admissions - a.admissions || a.name.localeCompare(b.name, 'fr'),
    ),
  };
}
