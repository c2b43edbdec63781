import type { PaymentView } from '../../../shared/domain/payments';
import { frenchDate } from '../../../shared/lib/dates';
import { formatAmount } from '../../../shared/lib/money';
import { frenchMonth } from '../../../shared/lib/months';
import { UsageError, type CliCommand } from '../command';

const ALLOCATION = /^(\d{4}-\d{2}):v?(\d+)=(\d+)$/;

function describe(p: PaymentView): string {
  const head =
    `${frenchDate(p.paidOn)}  ${p.reference}  ${formatAmount(p.amount)} (réparti ${formatAmount(p.allocated)}, reste ${formatAmount(p.unallocated)})` +
    (p.cancelled ? ` – ANNULÉ le ${frenchDate(p.cancelled.at)} : ${p.cancelled.reason}` : '');
  return [head, ...p.allocations.map((a) => `    ${frenchMonth(a.month)} v${a.version} : ${formatAmount(a.amount)}`)].join('\n');
}

/** `2026-10:v1=150000` → the allocation the contract takes. */
function allocationOf(text: string) {
  const match = ALLOCATION.exec(text.replace(/\s/g, ''));
  if (!match) throw new UsageError(`Répartition illisible : « ${text} » (attendu AAAA-MM:vN=MONTANT, ex. 2026-10:v1=150000).`);
  return { month: match[1]!, version: Number(match[2]), amount: Number(match[3]) };
}

export const paymentsAddCommand: CliCommand = {
  name: 'payments add',
  summary: 'enregistre un paiement de l’ANAM et sa répartition sur des réclamations (sans dépasser ce qui reste à payer)',
  usage: 'payments add --date AAAA-MM-JJ --amount FCFA --reference REF [--note TEXTE] [--allocate AAAA-MM:vN=FCFA …]',
  options: {
    date: { type: 'string' },
    amount: { type: 'string' },
    reference: { type: 'string' },
    note: { type: 'string' },
    allocate: { type: 'string', multiple: true },
  },
  async run(ctx, { values }) {
    const raw = values as Record<string, string | string[] | boolean | undefined>;
    if (typeof raw.date !== 'string') throw new UsageError('Indiquez la date du paiement : --date AAAA-MM-JJ.');
    if (typeof raw.reference !== 'string') throw new UsageError('Indiquez la référence : --reference REF.');
    const amount = typeof raw.amount === 'string' ? Number(raw.amount.replace(/[\s_]/g, '')) : NaN;
    if (!Number.isSafeInteger(amount)) throw new UsageError('Indiquez le montant en FCFA entiers : --amount 150000.');
    const allocations = (Array.isArray(raw.allocate) ? raw.allocate : []).map(allocationOf);
    const payment = await ctx.call('payments.add', {
      paidOn: raw.date,
      amount,
      reference: raw.reference,
      ...(typeof raw.note === 'string' ? { note: raw.note } : {}),
      allocations,
    });
    return { json: payment, text: `Paiement enregistré :\n${describe(payment)}` };
  },
};

export const paymentsListCommand: CliCommand = {
  name: 'payments list',
  summary: 'liste les paiements de l’ANAM et leur répartition',
  usage: 'payments list',
  async run(ctx) {
    const payments = await ctx.call('payments.list', {});
    return { json: payments, text: payments.length > 0 ? payments.map(describe).join('\n') : 'Aucun paiement enregistré.' };
  },
};
