import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../electron/core/app';
import type { RegistryRecord } from './registry-generator';

/** A household and an admis de droit, written by hand so tests can name who is who. */
export const HOUSEHOLD: ReadonlyArray<Partial<RegistryRecord>> = [
  {
    recepisse: '1111234567890',
    nom: 'Traoré',
    prenoms: 'Moussa',
    sexe: 'M',
    date_naissance: '1975',
    qualite: 'titulaire',
    debut_validite: '2024-01-01',
    fin_validite: '2026-12-31',
    nina: '12345678901234A',
    commune_code: 'KTI',
    commune: 'Kati',
    telephone: '+223 76 12 34 56',
  },
  {
    recepisse: '1111234567891',
    nom: 'Diarra',
    prenoms: 'Aïssata',
    sexe: 'F',
    date_naissance: '1982-03-14',
    qualite: 'conjoint',
    recepisse_titulaire: '1111234567890',
    commune: 'Kati',
  },
  {
    recepisse: '1111234567892',
    nom: 'Traoré',
    prenoms: 'Fatoumata',
    sexe: 'F',
    date_naissance: '2011-06-01',
    qualite: 'enfant',
    recepisse_titulaire: '1111234567890',
    scolarise: '0',
  },
  {
    recepisse: '1111234567893',
    nom: 'Traoré',
    prenoms: 'Seydou',
    sexe: 'M',
    date_naissance: '2011-06-01',
    qualite: 'enfant',
    recepisse_titulaire: '1111234567890',
    scolarise: '1',
  },
  {
    recepisse: '2222000000001',
    nom: 'Keïta',
    prenoms: 'Bréhima',
    sexe: 'M',
    date_naissance: '1960',
    qualite: 'admis_de_droit',
    categorie: 'sans_domicile',
    debut_validite: '2025-01-01',
    fin_validite: '2027-12-31',
  },
];

/** A temporary folder for the files a test writes; `cleanup` removes it. */
export function tempFolder(): { path(name: string): string; write(name: string, content: string | Buffer): string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'ramed-registry-'));
  return {
    path: (name) => join(dir, name),
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Registers a file as the window would hand it in, and answers its opaque reference. */
export const fileRef = (core: Core, path: string): string => core.deps.files.register(path).ref;
