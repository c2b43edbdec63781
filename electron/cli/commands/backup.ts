import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { manifestPathOf } from '../../core/backup/names';
import { UsageError, type CliCommand } from '../command';

const frenchDateTime = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
const megabytes = (bytes: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(bytes / 1_048_576)} Mo`;

export const backupCommand: CliCommand = {
  name: 'backup',
  summary: 'sauvegarde la base (copie cohérente vérifiée, avec son manifeste) dans le dossier des sauvegardes ou FICHIER',
  usage: 'backup [--out FICHIER]',
  options: { out: { type: 'string' } },
  async run(ctx, { values }) {
    // An exact file named on the command line: written as asked, the folder's generations untouched.
    const result = await ctx.call('backup.create', typeof values.out === 'string' ? { out: resolve(values.out) } : {});
    const { manifest } = result;
    return {
      json: result,
      text: [
        `Sauvegarde vérifiée : ${result.path} (${megabytes(manifest.size)}, schéma ${manifest.schemaVersion})`,
        `SHA-256 : ${manifest.sha256}`,
        `Manifeste : ${manifestPathOf(result.path)}`,
        ...result.pruned.map((name) => `Ancienne sauvegarde supprimée : ${name}`),
      ].join('\n'),
    };
  },
};

export const restoreCommand: CliCommand = {
  name: 'restore',
  createsDatabase: true,
  summary: 'remplace la base par une sauvegarde vérifiée (la base actuelle est gardée à côté)',
  usage: 'restore FICHIER [--manifest FICHIER.manifest.json] [--autre-cle]',
  options: { manifest: { type: 'string' }, 'autre-cle': { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(ctx, { values, positionals }) {
    const path = resolve(positionals[0]!);
    const manifestPath = typeof values.manifest === 'string' ? resolve(values.manifest) : null;
    for (const file of [path, manifestPath]) {
      if (file !== null && !existsSync(file)) throw new UsageError(`Fichier introuvable : ${file}`);
    }
    const source = {
      kind: 'file' as const,
      file: (await ctx.registerFile(path)).ref,
      ...(manifestPath ? { manifest: (await ctx.registerFile(manifestPath)).ref } : {}),
    };
    const result = await ctx.call('backup.restore', { source, ...(values['autre-cle'] === true ? { acceptOtherKey: true } : {}) });
    return {
      json: result,
      text: [
        `Base restaurée depuis ${path} (sauvegarde du ${frenchDateTime(result.restored.createdAt)}, schéma ${result.restored.schemaVersion}).`,
        `Schéma actuel : ${result.schemaVersion}`,
        `L'ancienne base est gardée ici : ${result.asidePath}`,
      ].join('\n'),
    };
  },
};
