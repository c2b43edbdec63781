import { describe, expect, it } from 'vitest';
import type { TariffEntry } from '../../shared/domain/reference';
import { priceAct, type PricingRequest } from '../../shared/rules/pricing';

let nextId = 1;
const tariff = (over: Partial<TariffEntry> & Pick<TariffEntry, 'code' | 'level' | 'price'>): TariffEntry => ({
  id: nextId++,
  label: over.code,
  category: 'consultation',
  effectiveFrom: '2024-01-01',
  effectiveTo: null,
  ramedCovered: true,
  maxQuantity: null,
  exclusion: null,
  caesarean: false,
  ...over,
});

const TARIFFS: TariffEntry[] = [
  // The consultation's price changes on 15 November 2026, in the middle of the month.
  tariff({ code: 'CS-CUR', level: 'cscom', price: 500, effectiveTo: '2026-11-14', label: 'Consultation curative' }),
  tariff({ code: 'CS-CUR', level: 'cscom', price: 600, effectiveFrom: '2026-11-15', label: 'Consultation curative' }),
  tariff({ code: 'CS-CUR', level: 'csref', price: 1000, label: 'Consultation curative' }),
  tariff({ code: 'LB-NFS', level: 'csref', price: 2500, label: 'NFS' }),
  tariff({ code: 'LB-NFS', level: 'hopital', price: 3000, label: 'NFS' }),
  tariff({ code: 'HO-OBS', level: 'cscom', price: 1000, maxQuantity: 3, label: 'Mise en observation' }),
  tariff({ code: 'EX-EVAC', level: 'hopital', price: 0, ramedCovered: false, exclusion: 'evacuation_etranger', label: 'Évacuation' }),
  tariff({ code: 'EX-PROT', level: 'cscom', price: 45000, ramedCovered: false, exclusion: 'prothese_dentaire', label: 'Prothèse' }),
  tariff({ code: 'EX-LUN', level: 'cscom', price: 15000, ramedCovered: false, exclusion: 'lunettes', label: 'Lunettes' }),
  tariff({ code: 'EX-ESTH', level: 'cscom', price: 150000, ramedCovered: false, exclusion: 'esthetique', label: 'Esthétique' }),
  tariff({ code: 'MA-CES', level: 'csref', price: 75000, ramedCovered: false, caesarean: true, label: 'Césarienne' }),
  tariff({ code: 'SO-CERT', level: 'cscom', price: 2000, ramedCovered: false, label: 'Certificat médical' }),
  tariff({ code: 'LB-ZERO', level: 'cscom', price: 0, label: 'Examen sans prix' }),
  tariff({ code: 'OLD', level: 'cscom', price: 800, effectiveTo: '2025-12-31' }),
  tariff({ code: 'NEW', level: 'cscom', price: 900, effectiveFrom: '2027-01-01' }),
];

const request = (over: Partial<PricingRequest> & Pick<PricingRequest, 'code'>): PricingRequest => ({
  date: '2026-11-16',
  level: 'cscom',
  quantity: 1,
  ...over,
});

describe('priceAct: priced lines', () => {
  it.each([
    ['the old price on the day before the change', request({ code: 'CS-CUR', date: '2026-11-14' }), 500, 500, 'ramed'],
    ['the new price on the day of the change', request({ code: 'CS-CUR', date: '2026-11-15' }), 600, 600, 'ramed'],
    ['the old price early in the month', request({ code: 'CS-CUR', date: '2026-11-01' }), 500, 500, 'ramed'],
    ['the new price late in the month', request({ code: 'CS-CUR', date: '2026-11-30' }), 600, 600, 'ramed'],
    ['quantity times the unit price', request({ code: 'CS-CUR', date: '2026-11-15', quantity: 2 }), 600, 1200, 'ramed'],
    ['the price of the facility level', request({ code: 'CS-CUR', level: 'csref' }), 1000, 1000, 'ramed'],
    ['up to the maximum per episode', request({ code: 'HO-OBS', quantity: 3 }), 1000, 3000, 'ramed'],
    ['the rest of the maximum', request({ code: 'HO-OBS', quantity: 2, alreadyInEpisode: 1 }), 1000, 2000, 'ramed'],
    ['a caesarean for its own programme', request({ code: 'MA-CES', level: 'csref' }), 75000, 75000, 'programme_cesarienne'],
  ])('%s', (_name, req, unitPrice, amount, payer) => {
    const result = priceAct(TARIFFS, req);
    expect(result).toMatchObject({ ok: true, line: { unitPrice, amount, payer, quantity: req.quantity } });
  });

  it('names the exact version used', () => {
    const before = priceAct(TARIFFS, request({ code: 'CS-CUR', date: '2026-11-14' }));
    const after = priceAct(TARIFFS, request({ code: 'CS-CUR', date: '2026-11-15' }));
    expect(before.ok && after.ok && before.line.tariff.id !== after.line.tariff.id).toBe(true);
  });
});

describe('priceAct: refusals', () => {
  it.each([
    ['an unknown act', request({ code: 'NOPE' }), 'UNKNOWN_ACT', /n’existe pas/],
    ['an act ended before the date', request({ code: 'OLD' }), 'NO_TARIFF_ON_DATE', /pas de tarif en vigueur le 16\/11\/2026/],
    ['an act not yet in force', request({ code: 'NEW' }), 'NO_TARIFF_ON_DATE', /16\/11\/2026/],
    ['an act of other levels', request({ code: 'LB-NFS' }), 'LEVEL_NOT_ALLOWED', /niveau CSCOM \(niveaux prévus : CSREF, hôpital\)/],
    ['a caesarean at a CSCOM', request({ code: 'MA-CES' }), 'LEVEL_NOT_ALLOWED', /CSCOM/],
    ['a quantity over the maximum', request({ code: 'HO-OBS', quantity: 4 }), 'QUANTITY_OVER_MAX', /limité à 3 par épisode/],
    [
      'a quantity over what the episode has left',
      request({ code: 'HO-OBS', quantity: 2, alreadyInEpisode: 2 }),
      'QUANTITY_OVER_MAX',
      /déjà 2, encore 1 possible/,
    ],
    ['a zero quantity', request({ code: 'CS-CUR', quantity: 0 }), 'INVALID_QUANTITY', /au moins 1/],
    ['a fractional quantity', request({ code: 'CS-CUR', quantity: 1.5 }), 'INVALID_QUANTITY', /entier/],
    ['a zero price', request({ code: 'LB-ZERO' }), 'ZERO_PRICE', /tarif nul/],
    ['an act the RAMED does not cover', request({ code: 'SO-CERT' }), 'NOT_COVERED', /pas couvert par le RAMED/],
    ['evacuation abroad', request({ code: 'EX-EVAC', level: 'hopital' }), 'EXCLUDED_CARE', /évacuation sanitaire à l’étranger/],
    ['dental prostheses', request({ code: 'EX-PROT' }), 'EXCLUDED_CARE', /prothèse dentaire/],
    ['glasses', request({ code: 'EX-LUN' }), 'EXCLUDED_CARE', /lunettes/],
    ['cosmetic care', request({ code: 'EX-ESTH' }), 'EXCLUDED_CARE', /soins esthétiques/],
  ])('refuses %s', (_name, req, code, message) => {
    const result = priceAct(TARIFFS, req);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
  });
});
