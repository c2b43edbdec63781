import { z } from 'zod';

/** An opaque reference to a file the window handed to the back end (never a path). */
export const fileRef = z.string().regex(/^[0-9a-f]{32}$/, 'Référence de fichier invalide : choisissez le fichier à nouveau.');

export interface RegisteredFile {
  ref: string;
  name: string;
}

/** A document the back end produced for the user to save or open (PDF, CSV, JSON). */
export interface GeneratedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}
