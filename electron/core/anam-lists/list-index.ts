import { z } from 'zod';

/** The lists the facility pulls from the ANAM. */
export const PULL_LISTS = ['registry', 'tariffs', 'medicines'] as const;
export type PullList = (typeof PULL_LISTS)[number];

/** The name each list has in the history (`anam_pull.list`). */
export const PULL_LIST_NAMES = { registry: 'registre', tariffs: 'tarifs', medicines: 'medicaments' } as const;

/** Where each list's index is, under `anam.endpoint`. */
export const indexPath = (list: PullList, afterSequence: number) =>
  list === 'registry' ? `registry/deltas?after=${afterSequence}` : `${list}/current`;

const fileEntry = z.object({
  sequence: z.number().int().nonnegative().optional(),
  // A plain file name: it becomes a file in the download folder.
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/, 'nom de fichier attendu (lettres, chiffres, . _ -)'),
  url: z.string().min(1).max(2000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 attendu (64 caractères hexadécimaux)'),
  size: z
    .number()
    .int()
    .nonnegative()
    .max(2 * 1024 ** 3),
});

/** The small JSON index the ANAM serves for a list: the files to fetch, in order. */
export const listIndexSchema = z.object({ files: z.array(fileEntry).max(1000) });

export type ListFile = z.infer<typeof fileEntry>;
