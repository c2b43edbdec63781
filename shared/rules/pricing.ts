import { frenchDate } from '../lib/dates';
import type { FacilityLevel } from '../domain/facility';
import { EXCLUSION_LABELS, LEVEL_SHORT_LABELS, tariffInForce, type TariffEntry } from '../domain/reference';
import { CAESAREAN_PROGRAMME, programmeFor, type CareFacts, type Programme } from './programmes';

/**
 * Pricing of an act for a RAMED episode: the tariff in force on the line's date at the facility's
 * level, or a refusal with a stable code and a French message. Pure: the caller supplies the list.
 */

export const PRICING_REFUSALS = [
  'INVALID_QUANTITY',
  'UNKNOWN_ACT',
  'NO_TARIFF_ON_DATE',
  'LEVEL_NOT_ALLOWED',
  'EXCLUDED_CARE',
  'NOT_COVERED',
  'ZERO_PRICE',
  'QUANTITY_OVER_MAX',
] as const;
export type PricingRefusal = (typeof PRICING_REFUSALS)[number];

/**
 * Who pays a priced line: the RAMED, or a free-care programme (recorded, never billed to the RAMED).
 * `programme_cesarienne` is the stored value's historical name, from when the caesarean was the only
 * programme: it now means « a programme », and the line's programme code says which.
 */
export type Payer = 'ramed' | 'programme_cesarienne';
export const PROGRAMME_PAYER: Payer = 'programme_cesarienne';

export interface PricingRequest {
  code: string;
  /** The day the act was performed (YYYY-MM-DD). */
  date: string;
  level: FacilityLevel;
  quantity: number;
  /** Units of the same act already on the episode (not cancelled), for the per-episode maximum. */
  alreadyInEpisode?: number;
  /** The programmes list and the patient's facts on the day; without them only the caesarean goes to its programme. */
  coverage?: { programmes: readonly Programme[]; facts: Omit<CareFacts, 'date'> };
}

export interface PricedLine {
  tariff: TariffEntry;
  quantity: number;
  unitPrice: number;
  amount: number;
  payer: Payer;
  /** The programme's code when a programme pays the line, else null. */
  programme: string | null;
}

export type PricingResult = { ok: true; line: PricedLine } | { ok: false; code: PricingRefusal; message: string };

const refuse = (code: PricingRefusal, message: string): PricingResult => ({ ok: false, code, message });

const levelList = (entries: readonly TariffEntry[]) => [...new Set(entries.map((e) => LEVEL_SHORT_LABELS[e.level]))].join(', ');

export function priceAct(tariffs: readonly TariffEntry[], request: PricingRequest): PricingResult {
  const { code, date, level, quantity } = request;
  if (!Number.isInteger(quantity) || quantity < 1)
    return refuse('INVALID_QUANTITY', 'La quantité doit être un nombre entier d’au moins 1.');

  const versions = tariffs.filter((t) => t.code === code);
  if (versions.length === 0) return refuse('UNKNOWN_ACT', `L’acte « ${code} » n’existe pas dans la liste des tarifs.`);

  const inForce = versions.filter((t) => tariffInForce(t, date));
  if (inForce.length === 0) {
    return refuse('NO_TARIFF_ON_DATE', `L’acte « ${code} » n’a pas de tarif en vigueur le ${frenchDate(date)}.`);
  }
  const tariff = inForce.find((t) => t.level === level);
  if (!tariff) {
    return refuse(
      'LEVEL_NOT_ALLOWED',
      `L’acte « ${inForce[0]!.label} » n’est pas autorisé au niveau ${LEVEL_SHORT_LABELS[level]} (niveaux prévus : ${levelList(inForce)}).`,
    );
  }
  if (tariff.exclusion) {
    return refuse(
      'EXCLUDED_CARE',
      `« ${tariff.label} » est exclu de la prise en charge RAMED (${EXCLUSION_LABELS[tariff.exclusion]}) : il ne peut pas être facturé.`,
    );
  }
  const programme = programmeOf(tariff, request);
  const payer: Payer = programme ? PROGRAMME_PAYER : 'ramed';
  if (payer === 'ramed' && !tariff.ramedCovered) {
    return refuse('NOT_COVERED', `« ${tariff.label} » n’est pas couvert par le RAMED selon la liste des tarifs.`);
  }
  if (payer === 'ramed' && tariff.price <= 0) {
    return refuse('ZERO_PRICE', `« ${tariff.label} » a un tarif nul le ${frenchDate(date)} : faites corriger la liste des tarifs.`);
  }
  const already = request.alreadyInEpisode ?? 0;
  if (tariff.maxQuantity !== null && already + quantity > tariff.maxQuantity) {
    const left = Math.max(tariff.maxQuantity - already, 0);
    return refuse(
      'QUANTITY_OVER_MAX',
      `« ${tariff.label} » est limité à ${tariff.maxQuantity} par épisode (déjà ${already}, encore ${left} possible).`,
    );
  }
  return { ok: true, line: { tariff, quantity, unitPrice: tariff.price, amount: tariff.price * quantity, payer, programme } };
}

/** The first programme covering the act; the caesarean keeps its programme when no list covers it. */
function programmeOf(tariff: TariffEntry, request: PricingRequest): string | null {
  if (request.coverage) {
    const item = { kind: 'acte' as const, code: tariff.code, category: tariff.category, caesarean: tariff.caesarean };
    const found = programmeFor(request.coverage.programmes, item, { ...request.coverage.facts, date: request.date });
    if (found) return found.code;
  }
  return tariff.caesarean ? CAESAREAN_PROGRAMME : null;
}
