/**
 * Renders the bordereau of a 2,000-episode month and times it; writes the PDF to .tmp/ for a look.
 * Run: npx tsx tests/bench/claims-pdf.ts [episodes]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { composeClaim } from '../../shared/claim-document';
import type { ClaimEpisodeInput, ClaimLine } from '../../shared/domain/claims';
import { bordereauPdf } from '../../electron/core/claims/export/pdf';

const count = Number(process.argv[2] ?? 2000);
const FAMILIES = ['Traoré', 'Coulibaly', 'Diarra', 'Keïta', 'Sangaré', 'Doumbia', 'Touré', 'Sidibé', 'Maïga', 'Dembélé'];
const GIVEN = ['Aïssata', 'Moussa', 'Fanta', 'Mamadou', 'Kadiatou', 'Séydou', 'Awa', 'Bréhima', 'Oumou', 'Adama'];

const lines = (id: number, day: string): ClaimLine[] => {
  const base = { source: 'prestation' as const, episodeId: id, performedOn: day, payer: 'ramed' as const };
  const out: ClaimLine[] = [
    { ...base, key: `prestation:${id * 3}`, kind: 'acte', code: 'CS-CUR', label: 'Consultation curative', category: 'consultation', quantity: 1, unitPrice: 1000, amount: 1000 },
  ];
  if (id % 2) out.push({ ...base, key: `prestation:${id * 3 + 1}`, kind: 'acte', code: 'LB-GE', label: 'Goutte épaisse', category: 'laboratoire', quantity: 1, unitPrice: 1500, amount: 1500 });
  if (id % 5 === 0) out.push({ ...base, key: `prestation:${id * 3 + 2}`, kind: 'medicament', code: 'ART-LUM', label: 'Artéméther-luméfantrine', category: 'medicaments', quantity: 24, unitPrice: 75, amount: 1800 });
  return out;
};
const episodes: ClaimEpisodeInput[] = Array.from({ length: count }, (_, i) => {
  const day = `2026-11-${String((i % 28) + 1).padStart(2, '0')}`;
  return {
    episodeId: i + 1,
    number: `EP-2026-${String(i + 1).padStart(6, '0')}`,
    personId: i + 1,
    recepisse: String(1111000000000 + i),
    patientName: `${FAMILIES[i % 10]!.toUpperCase()} ${GIVEN[(i * 7) % 10]}`,
    type: i % 9 === 0 ? 'hospitalisation' : 'consultation_externe',
    emergency: false,
    referralFrom: null,
    identityDocument: 'cni_nina',
    identityMatches: true,
    openedOn: day,
    endedOn: day,
    eligibility: { eligible: true, reasons: [] },
    lines: lines(i + 1, day),
  };
});
const doc = composeClaim({
  month: '2026-11',
  version: 1,
  previousSha256: null,
  facility: { code: 'CSREF-CV', name: 'CSRéf de la Commune V – Bamako', level: 'csref' },
  episodes,
  flags: [],
  exclusions: [],
});

const started = performance.now();
const pdf = bordereauPdf(doc, {
  sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  signedAt: '2026-12-02T09:40:00.000Z',
  signedBy: 'fatoumata',
  printedAt: '2026-12-02T09:41:00.000Z',
  appVersion: 'bench',
});
const ms = performance.now() - started;
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/bordereau-bench.pdf', Buffer.from(pdf));
console.log(`${count} épisodes : bordereau de ${(pdf.byteLength / 1024).toFixed(0)} Kio rendu en ${ms.toFixed(0)} ms (.tmp/bordereau-bench.pdf)`);
