import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bordereauPdf } from '../../electron/core/claims/export/pdf';
import { composeClaim } from '../../shared/rules/claim-document';
import type { ClaimEpisodeInput } from '../../shared/domain/claims';

const episode = (n: number): ClaimEpisodeInput => ({
  episodeId: n,
  number: `EP-2026-${String(n).padStart(6, '0')}`,
  personId: n,
  recepisse: String(1101000000000 + n),
  patientName: `TRAORÉ Awa ${n}`,
  sex: 'F',
  birthDate: '1990-01-01',
  type: 'consultation_externe',
  emergency: false,
  referralFrom: null,
  identityDocument: 'cni_nina',
  identityMatches: true,
  openedOn: '2026-11-10',
  endedOn: '2026-11-10',
  eligibility: { eligible: true, reasons: [] },
  clinical: {
    diagnosis: 'Pneumonie',
    icd10: n % 2 ? 'J18.9' : 'B54',
    outcome: 'gueri',
    referralFrom: null,
    referralRef: null,
    enterer: 'accueil',
  },
  lines: [
    {
      key: `prestation:${n}`,
      source: 'prestation',
      episodeId: n,
      kind: 'acte',
      code: 'CS-CUR',
      label: 'Consultation curative',
      category: 'consultation',
      performedOn: '2026-11-10',
      quantity: 1,
      unitPrice: 500,
      amount: 500,
      payer: 'ramed',
    },
  ],
});

/** The text of each page of the bordereau of `count` episodes. */
function pages(count: number): string[] {
  const doc = composeClaim({
    month: '2026-11',
    version: 1,
    previousSha256: null,
    facility: { code: 'CS01', name: 'CSCOM de Banconi', level: 'cscom' },
    episodes: Array.from({ length: count }, (_, i) => episode(i + 1)),
    flags: [],
    exclusions: [],
  });
  const bytes = bordereauPdf(doc, {
    sha256: 'a'.repeat(64),
    signedAt: '2026-12-02T09:00:00.000Z',
    signedBy: 'fatoumata',
    printedAt: '2026-12-02T09:05:00.000Z',
    appVersion: '0.1.0',
  });
  const file = join(mkdtempSync(join(tmpdir(), 'bordereau-')), 'b.pdf');
  writeFileSync(file, Buffer.from(bytes));
  const total = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: total }, (_, i) =>
    execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
  );
}

describe('the bordereau: diagnosis, récépissé as printed, signatures never alone on their page', () => {
  it('shows each episode’s ICD-10 code and the récépissé in groups of digits', () => {
    const [first] = pages(2);
    expect(first).toMatch(/CIM-10/);
    expect(first).toMatch(/EP-2026-000001\s+1101 0000 00001\s+TRAORÉ Awa 1\s+10\/11\/2026\s+10\/11\/2026\s+J18\.9/);
    expect(first).toMatch(/EP-2026-000002\s+1101 0000 00002\s+.*B54/);
  });

  // Around every size where the table fills a page, and well past.
  it.each([1, 10, 24, 26, 28, 29, 30, 31, 32, 33, 34, 35, 36, 38, 40, 60, 62, 64, 66, 68, 70, 72, 74, 76, 100])(
    '%i episode(s): the signatures share their page with the last lines, every episode printed once',
    (count) => {
      const text = pages(count);
      const last = text.at(-1)!;
      expect(last).toContain('Visa de l’ANAM');
      expect(last).toMatch(/EP-2026-\d{6}/);
      expect(last).toContain(`${count} épisode(s)`);
      const printed = text.join('\n').match(/EP-2026-\d{6}/g) ?? [];
      expect(printed.length).toBe(count);
      expect(new Set(printed).size).toBe(count);
    },
  );
});
