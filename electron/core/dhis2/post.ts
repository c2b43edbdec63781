import { readImportSummary, type Dhis2ImportSummary } from '../../../shared/rules/dhis2/import-summary';
import type { Dhis2DataValueSet } from '../../../shared/rules/dhis2/data-value-set';
import { DomainError } from '../errors';

export interface Dhis2Server {
  /** The server's address, without `/api` (a trailing `/api` is tolerated). */
  url: string;
  username: string;
  password: string;
  timeoutMs: number;
}

/** `https://snis.sante.gov.ml/` or `…/api` → the import URL, identifiers by code. */
export function importUrl(server: Pick<Dhis2Server, 'url'>, dryRun: boolean): string {
  const base = server.url.replace(/\/+$/, '').replace(/\/api$/, '');
  const query = new URLSearchParams({
    dataElementIdScheme: 'CODE',
    orgUnitIdScheme: 'CODE',
    idScheme: 'CODE',
    importStrategy: 'CREATE_AND_UPDATE',
    dryRun: String(dryRun),
  });
  return `${base}/api/dataValueSets?${query.toString()}`;
}

function networkError(error: unknown, timeoutMs: number): DomainError {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new DomainError(
      'TRANSPORT',
      `Pas de réponse du serveur DHIS2 en ${Math.round(timeoutMs / 1000)} s. Rien n’a été enregistré ; réessayez plus tard.`,
    );
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: string } | null)?.code;
  const why =
    code === 'ECONNREFUSED'
      ? 'le serveur ne répond pas'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'adresse introuvable (pas de réseau ?)'
        : `connexion interrompue${code ? ` (${code})` : ''}`;
  return new DomainError('TRANSPORT', `Serveur DHIS2 injoignable : ${why}. Rien n’a été enregistré ; vérifiez le réseau et dhis2.url.`);
}

/** The French reading of an answer that carries no import summary. */
function refusal(status: number, username: string): DomainError {
  if (status === 401)
    return new DomainError(
      'REFUSED',
      'Le DHIS2 a refusé l’utilisateur ou le mot de passe (HTTP 401) : vérifiez dhis2.username et dhis2.password. Rien n’a été enregistré.',
    );
  if (status === 403)
    return new DomainError(
      'REFUSED',
      `L’utilisateur DHIS2 « ${username} » n’a pas le droit d’importer des données (HTTP 403) : demandez ce droit à l’administrateur du SNIS. Rien n’a été enregistré.`,
    );
  if (status === 404)
    return new DomainError(
      'REFUSED',
      'Adresse inconnue du serveur DHIS2 (HTTP 404) : vérifiez dhis2.url (l’adresse du serveur, sans /api). Rien n’a été enregistré.',
    );
  if (status >= 500)
    return new DomainError(
      'TRANSPORT',
      `Le serveur DHIS2 est en panne ou surchargé (HTTP ${status}) : réessayez plus tard. Rien n’a été enregistré.`,
    );
  return new DomainError(
    'TRANSPORT',
    `Réponse inattendue du serveur DHIS2 (HTTP ${status}, sans résumé d’import) : vérifiez dhis2.url. Rien n’a été enregistré.`,
  );
}

/**
 * POSTs the dataValueSet to `/api/dataValueSets` (basic auth, JSON, identifiers by code) and reads
 * the import summary DHIS2 answers: HTTP 200, or 409 when it holds conflicts (DHIS2 2.38 and
 * later). Any other answer, or no answer, is a French refusal carrying no summary.
 */
export async function postDataValueSet(
  server: Dhis2Server,
  dataValueSet: Dhis2DataValueSet,
  options: { dryRun: boolean; fetch?: typeof fetch },
): Promise<{ httpStatus: number; summary: Dhis2ImportSummary }> {
  let response: Response;
  let text: string;
  try {
    response = await (options.fetch ?? fetch)(importUrl(server, options.dryRun), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: `Basic ${Buffer.from(`${server.username}:${server.password}`, 'utf8').toString('base64')}`,
      },
      body: JSON.stringify(dataValueSet),
      redirect: 'manual',
      signal: AbortSignal.timeout(server.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw networkError(error, server.timeoutMs);
  }
  if (response.status !== 409 && (response.status < 200 || response.status > 299)) throw refusal(response.status, server.username);
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // A login page or a proxy's page: no summary, read below.
  }
  const summary = readImportSummary(body);
  if (!summary) throw refusal(response.status, server.username);
  return { httpStatus: response.status, summary };
}
