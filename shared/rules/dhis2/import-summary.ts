import { z } from 'zod';

/** How DHIS2 judged an import: every value taken, some refused (conflicts), or the whole set refused. */
export const DHIS2_IMPORT_STATUSES = ['SUCCESS', 'WARNING', 'ERROR'] as const;
export type Dhis2ImportStatus = (typeof DHIS2_IMPORT_STATUSES)[number];

export interface Dhis2Conflict {
  /** What DHIS2 could not match: a code, a period. */
  object: string;
  /** DHIS2's own words (English), shown as it wrote them. */
  value: string;
  errorCode: string | null;
}

export interface Dhis2ImportSummary {
  status: Dhis2ImportStatus;
  description: string | null;
  imported: number;
  updated: number;
  ignored: number;
  deleted: number;
  conflicts: Dhis2Conflict[];
}

const count = z.coerce.number().int().min(0).catch(0);

const importSummary = z.looseObject({
  responseType: z.literal('ImportSummary').optional(),
  status: z.enum(DHIS2_IMPORT_STATUSES),
  description: z.string().nullish(),
  importCount: z.looseObject({ imported: count, updated: count, ignored: count, deleted: count }),
  conflicts: z
    .array(z.looseObject({ object: z.string().nullish(), value: z.string().nullish(), errorCode: z.string().nullish() }))
    .nullish(),
});

/** Since DHIS2 2.38 the summary comes wrapped in a WebMessage (`response`), with HTTP 409 when it has conflicts. */
const webMessage = z.looseObject({ httpStatusCode: z.number().optional(), status: z.string().optional(), response: importSummary });

/**
 * The ImportSummary in a DHIS2 answer to POST /api/dataValueSets, wrapped (2.38 and later) or bare
 * (up to 2.37); null when the body is not one (a login page, a proxy's error).
 */
export function readImportSummary(body: unknown): Dhis2ImportSummary | null {
  const wrapped = webMessage.safeParse(body);
  const summary = wrapped.success ? wrapped.data.response : importSummary.safeParse(body).data;
  if (!summary) return null;
  return {
    status: summary.status,
    description: summary.description ?? null,
    imported: summary.importCount.imported,
    updated: summary.importCount.updated,
    ignored: summary.importCount.ignored,
    deleted: summary.importCount.deleted,
    conflicts: (summary.conflicts ?? []).map((c) => ({ object: c.object ?? '', value: c.value ?? '', errorCode: c.errorCode ?? null })),
  };
}
