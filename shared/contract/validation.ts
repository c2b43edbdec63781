import { z } from 'zod';

// Zod's own messages in French, for any schema that does not give its own.
z.config(z.locales.fr());

/** Turns a zod failure into one French sentence plus a message per field. */
export function describeZodError(error: z.ZodError): { message: string; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    fields[path] ??= issue.message;
  }
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` (champ « ${first.path.map(String).join('.')} »)` : '';
  return { message: `Données invalides${where} : ${first?.message ?? 'format inattendu'}`, fields };
}
