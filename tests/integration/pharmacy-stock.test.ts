import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ledgerMismatches } from '../../electron/core/pharmacy/ledger';
import { describeEachDb } from '../support/db';
import { movableClock, pharmacySetup, receive, type PharmacySetup } from '../support/pharmacy';

describeEachDb('pharmacy: stock ledger, alerts and reports', (kind) => {
  let s: PharmacySetup;
  const clock = movableClock('2026-11-01T08:00:00.000Z');
  beforeEach(async () => {
    clock.set('2026-11-01T08:00:00.000Z');
    s = await pharmacySetup(kind, clock);
  });
  afterEach(async () => s.core.dispose());

  it('derives every batch quantity from its ledger after a series of random operations', async () => {
    // A small deterministic generator: the same "random" series on every run.
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const batches = [
      await receive(s.pharmacist, 'PARA500C', 'P1', '2027-01-31', 50),
      await receive(s.pharmacist, 'PARA500C', 'P2', '2027-03-31', 30),
      await receive(s.pharmacist, 'AMOX500G', 'A1', '2027-02-28', 40),
    ];
    const codes = ['PARA500C', 'AMOX500G'];
    const lines: number[] = [];
    for (let i = 0; i < 60; i++) {
      const op = rand(5);
      const batchId = batches[rand(batches.length)]!;
      if (op === 0) {
        const r = await s.pharmacist.pharmacy.dispense({
          episodeId: s.episodeId,
          medicineCode: codes[rand(2)]!,
          quantity: 1 + rand(15),
          prescriber: 'Dr Keïta',
          serveAvailable: rand(2) === 0,
        });
        if (r.ok) lines.push(...r.value.lines.map((l) => l.id));
      } else if (op === 1) await s.pharmacist.pharmacy.adjust({ batchId, quantity: rand(11) - 5 || 1, reason: 'Essai aléatoire' });
      else if (op === 2) await s.pharmacist.pharmacy.count({ batchId, counted: rand(40) });
      else if (op === 3 && lines.length)
        await s.pharmacist.pharmacy.cancel({ lineId: lines.splice(rand(lines.length), 1)[0]!, reason: 'Essai aléatoire' });
      else await receive(s.pharmacist, codes[rand(2)]!, `R${i}`, '2027-06-30', 1 + rand(20));
    }
    expect(await ledgerMismatches(s.core.deps.handle.db)).toEqual([]);
    const movements = await s.core.deps.handle.db
      .selectFrom('stock_movement')
      .select(['batch_id', 'quantity', 'balance'])
      .orderBy('id')
      .execute();
    const running = new Map<number, number>();
    for (const m of movements) {
      running.set(m.batch_id, (running.get(m.batch_id) ?? 0) + m.quantity);
      expect(m.balance).toBe(running.get(m.batch_id));
    }
  });

  it('counts days out of stock and unmet demand per medicine for the month', async () => {
    // Paracetamol: received on the 1st, gone on the 5th, received again on the 10th: out at the end of days 5 to 9.
    await receive(s.pharmacist, 'PARA500C', 'P1', '2027-01-31', 10, '2026-11-01');
    clock.set('2026-11-05T10:00:00.000Z');
    await s.pharmacist.pharmacy.dispense({
      episodeId: s.episodeId,
      medicineCode: 'PARA500C',
      quantity: 12,
      prescriber: 'Dr Keïta',
      serveAvailable: true,
    });
    clock.set('2026-11-10T10:00:00.000Z');
    await receive(s.pharmacist, 'PARA500C', 'P2', '2027-01-31', 10, '2026-11-10');
    // Amoxicillin: a batch that expires on the 12th is not usable from the 12th on.
    clock.set('2026-11-02T10:00:00.000Z');
    await receive(s.pharmacist, 'AMOX500G', 'A1', '2026-11-12', 5, '2026-11-02');
    // ORS never received, asked for twice.
    clock.set('2026-11-06T10:00:00.000Z');
    await s.pharmacist.pharmacy.dispense({
      episodeId: s.episodeId,
      medicineCode: 'SRO',
      quantity: 2,
      prescriber: 'Dr Keïta',
      serveAvailable: true,
    });
    await s.pharmacist.pharmacy.dispense({
      episodeId: s.episodeId,
      medicineCode: 'SRO',
      quantity: 1,
      prescriber: 'Dr Keïta',
      serveAvailable: true,
    });
    clock.set('2026-11-20T10:00:00.000Z');
    const report = await s.pharmacist.pharmacy.unmetReport({ month: '2026-11' });
    expect(report.ok && report.value.map((r) => [r.medicineCode, r.requests, r.unmetUnits, r.daysOutOfStock, r.daysInPeriod])).toEqual([
      ['SRO', 2, 3, 20, 20],
      ['PARA500C', 1, 2, 5, 20],
      // Day 1 (before the receipt on the 2nd), then the 12th to the 20th.
      ['AMOX500G', 0, 0, 10, 20],
    ]);
    // Before any receipt or request, the pharmacy held none of them: nothing to report.
    expect(await s.pharmacist.pharmacy.unmetReport({ month: '2026-10' })).toEqual({ ok: true, value: [] });
    expect(await s.pharmacist.pharmacy.unmetReport({ month: '2026-12' })).toEqual({ ok: true, value: [] });
  });

  it('alerts on expired batches, stock below threshold and batches expiring within 90 days', async () => {
    await receive(s.pharmacist, 'AMOX500G', 'OLD', '2026-11-10', 7);
    await receive(s.pharmacist, 'AMOX500G', 'SOON', '2027-01-20', 4);
    await receive(s.pharmacist, 'PARA500C', 'FAR', '2028-01-31', 500);
    await s.pharmacist.pharmacy.setThreshold({ medicineCode: 'AMOX500G', threshold: 20 });
    await s.pharmacist.pharmacy.setThreshold({ medicineCode: 'PARA500C', threshold: 100 });
    clock.set('2026-11-16T08:00:00.000Z');
    const alerts = await s.pharmacist.pharmacy.alerts({});
    expect(alerts.ok && alerts.value.map((a) => [a.kind, a.medicineCode, a.lot, a.quantity, a.threshold])).toEqual([
      ['perime', 'AMOX500G', 'OLD', 7, null],
      ['sous_seuil', 'AMOX500G', null, 4, 20],
      ['bientot_perime', 'AMOX500G', 'SOON', 4, null],
    ]);
  });

  it('prints an A4 stock report with accents and French numbers, and never adds sachets to tablets', async () => {
    await receive(s.pharmacist, 'SRO', 'S1', '2027-01-31', 1200);
    await receive(s.pharmacist, 'PARA500C', 'P1', '2027-01-31', 50);
    const pdf = await s.pharmacist.pharmacy.stockReport({});
    expect(pdf.ok && pdf.value.mimeType).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'ramed-pdf-'));
    const path = join(dir, 'stock.pdf');
    writeFileSync(path, Buffer.from(pdf.ok ? pdf.value.base64 : '', 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-']).toString();
    expect(text).toContain('État du stock de la pharmacie');
    expect(text).toMatch(/Sels de réhydratation orale.*1 200/);
    // The total is the value (1 250 units at 5 FCFA), not 1 250 « units » of two kinds.
    const total = text.split('\n').find((line) => /^\s*Total\b/.test(line)) ?? '';
    expect(total.replace(/^\s*Total/, '').trim()).toBe('6 250');
    expect(text).toMatch(/Sels de réhydratation orale\s+sachet 20,5 g\s+1 200 sachets/);
    expect(text).toMatch(/Paracétamol\s+comprimé 500 mg\s+50 comprimés/);
    expect(text).toContain('Page 1/1');
  });
});
