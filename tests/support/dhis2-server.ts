import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for DHIS2's POST /api/dataValueSets, answering as dhis2-core does: basic auth (401
 * with a JSON WebMessage otherwise), identifiers matched by the scheme asked (query parameters,
 * then the payload's own `*IdScheme`/`idScheme` fields, else UID), per-value conflicts with
 * DHIS2's error codes (E7610 data element, E7611 category option combo), an unknown org unit
 * refusing the whole set (ERROR), `dryRun` saving nothing. `version` picks the answer's shape:
 * '2.40' wraps the ImportSummary in a WebMessage with HTTP 409 when it is not SUCCESS; '2.36'
 * answers the bare ImportSummary with HTTP 200.
 */
export type Dhis2Fault = 'none' | 'http500' | 'http503' | 'loginPage';

export interface Dhis2Metadata {
  /** code → uid */
  dataElements: Record<string, string>;
  categoryOptionCombos: Record<string, string>;
  orgUnits: Record<string, string>;
}

export interface Dhis2StandIn {
  url: string;
  username: string;
  password: string;
  version: '2.40' | '2.36';
  fault: Dhis2Fault;
  metadata: Dhis2Metadata;
  /** Stored values: `de/coc/period/ou` → value (uids). */
  values: Map<string, string>;
  requests: Array<{ url: string; authorization: string | undefined; body: unknown }>;
  close(): Promise<void>;
}

/** An 11-character id like DHIS2's, one per code. */
const uidOf = (code: string) => `u${createHash('sha1').update(code).digest('hex').slice(0, 10)}`;

/** Metadata holding these codes, each with a made-up uid. */
export function metadataFor(codes: { dataElements: string[]; categoryOptionCombos: string[]; orgUnits: string[] }): Dhis2Metadata {
  const byCode = (list: string[]) => Object.fromEntries(list.map((c) => [c, uidOf(c)]));
  return {
    dataElements: byCode(codes.dataElements),
    categoryOptionCombos: byCode(codes.categoryOptionCombos),
    orgUnits: byCode(codes.orgUnits),
  };
}

const DEFAULT_COC = 'HllvX50cXC0';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json;charset=UTF-8') {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

interface DataValueIn {
  dataElement?: string;
  categoryOptionCombo?: string;
  value?: string;
}
interface DataValueSetIn {
  period?: string;
  orgUnit?: string;
  idScheme?: string;
  dataElementIdScheme?: string;
  orgUnitIdScheme?: string;
  categoryOptionComboIdScheme?: string;
  dataValues?: DataValueIn[];
}

export async function startDhis2StandIn(options: { metadata: Dhis2Metadata; username?: string; password?: string }): Promise<Dhis2StandIn> {
  const state = {
    username: options.username ?? 'cscom_ramed',
    password: options.password ?? 'District2026!',
    version: '2.40' as Dhis2StandIn['version'],
    fault: 'none' as Dhis2Fault,
    metadata: options.metadata,
    values: new Map<string, string>(),
    requests: [] as Dhis2StandIn['requests'],
  };

  const server = createServer((req, res) => {
    void (async () => {
      const text = await readBody(req);
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      state.requests.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
      const url = new URL(req.url ?? '/', 'http://dhis2');
      if (req.method !== 'POST' || url.pathname !== '/api/dataValueSets')
        return send(res, 404, { httpStatus: 'Not Found', httpStatusCode: 404, status: 'ERROR' });
      if (state.fault === 'http500')
        return send(res, 500, {
          httpStatus: 'Internal Server Error',
          httpStatusCode: 500,
          status: 'ERROR',
          message: 'java.lang.NullPointerException',
        });
      if (state.fault === 'http503') return send(res, 503, '<html><body>Service Unavailable</body></html>', 'text/html');
      if (state.fault === 'loginPage') return send(res, 200, '<!DOCTYPE html><html><title>DHIS 2 - Connexion</title></html>', 'text/html');
      const expected = `Basic ${Buffer.from(`${state.username}:${state.password}`).toString('base64')}`;
      if (req.headers.authorization !== expected) {
        return send(res, 401, { httpStatus: 'Unauthorized', httpStatusCode: 401, status: 'ERROR', message: 'Unauthorized' });
      }
      if (typeof body !== 'object' || body === null) {
        return send(res, 400, {
          httpStatus: 'Bad Request',
          httpStatusCode: 400,
          status: 'ERROR',
          message: 'Unable to parse data value set',
        });
      }
      answer(res, url.searchParams, body as DataValueSetIn);
    })();
  });

  function schemeFor(
    query: URLSearchParams,
    set: DataValueSetIn,
    specific: 'dataElementIdScheme' | 'orgUnitIdScheme' | 'categoryOptionComboIdScheme',
  ) {
    return (query.get(specific) ?? set[specific] ?? set.idScheme ?? query.get('idScheme') ?? 'UID').toUpperCase();
  }

  function resolve(table: Record<string, string>, scheme: string, id: string | undefined): string | null {
    if (id === undefined) return null;
    if (scheme === 'CODE') return table[id] ?? null;
    return Object.values(table).includes(id) ? id : null;
  }

  function answer(res: ServerResponse, query: URLSearchParams, set: DataValueSetIn) {
    const dryRun = query.get('dryRun') === 'true';
    const conflicts: Array<Record<string, unknown>> = [];
    const count = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
    const values = set.dataValues ?? [];
    const ou = resolve(state.metadata.orgUnits, schemeFor(query, set, 'orgUnitIdScheme'), set.orgUnit);
    let status: 'SUCCESS' | 'WARNING' | 'ERROR' = 'SUCCESS';
    if (!ou) {
      status = 'ERROR';
      count.ignored = values.length;
      conflicts.push({
        object: set.orgUnit,
        objects: { organisationUnit: set.orgUnit },
        value: `Org unit not found or not accessible: \`${set.orgUnit}\``,
        errorCode: 'E7603',
        property: 'orgUnit',
      });
    } else {
      values.forEach((v, index) => {
        const de = resolve(state.metadata.dataElements, schemeFor(query, set, 'dataElementIdScheme'), v.dataElement);
        const coc =
          v.categoryOptionCombo === undefined
            ? DEFAULT_COC
            : resolve(state.metadata.categoryOptionCombos, schemeFor(query, set, 'categoryOptionComboIdScheme'), v.categoryOptionCombo);
        if (!de || !coc) {
          const [what, id, code] = !de
            ? ['Data element', v.dataElement, 'E7610']
            : ['Category option combo', v.categoryOptionCombo, 'E7611'];
          const property = !de ? 'dataElement' : 'categoryOptionCombo';
          conflicts.push({
            object: id,
            objects: { [property]: id },
            value: `${what} not found or not accessible: \`${id}\``,
            errorCode: code,
            property,
            indexes: [index],
          });
          count.ignored += 1;
          return;
        }
        const key = `${de}/${coc}/${set.period}/${ou}`;
        if (state.values.has(key)) count.updated += 1;
        else count.imported += 1;
        if (!dryRun) state.values.set(key, v.value ?? '');
      });
      if (conflicts.length > 0) status = 'WARNING';
    }
    const summary = {
      responseType: 'ImportSummary',
      status,
      importOptions: { idSchemes: {}, dryRun, async: false, importStrategy: 'CREATE_AND_UPDATE', mergeMode: 'REPLACE', reportMode: 'FULL' },
      description: status === 'ERROR' ? 'Import process was aborted' : 'Import process completed successfully',
      importCount: count,
      conflicts,
      rejectedIndexes: conflicts.flatMap((c) => (c.indexes as number[] | undefined) ?? []),
      dataSetComplete: 'false',
    };
    if (state.version === '2.36') return send(res, 200, summary);
    if (status === 'SUCCESS') {
      return send(res, 200, { httpStatus: 'OK', httpStatusCode: 200, status: 'OK', message: 'Import was successful.', response: summary });
    }
    return send(res, 409, {
      httpStatus: 'Conflict',
      httpStatusCode: 409,
      status: status === 'ERROR' ? 'ERROR' : 'WARNING',
      message:
        status === 'ERROR'
          ? 'An error occurred, please check import summary.'
          : 'One more conflicts encountered, please check import summary.',
      response: summary,
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
