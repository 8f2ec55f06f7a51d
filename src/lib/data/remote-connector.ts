/**
 * The Connector over a region server (issue 25; server/): each query travels as the call
 * of the builder that made it (`query.call`, data/queries/register.ts), never as SQL, and
 * comes back as an Arrow IPC stream, so every view reads the same rows as from DuckDB-WASM.
 * The region's data lives on the server and is read-only there: statements, file
 * registration and inserts are refused with a Dutch explanation.
 */
import { tableFromIPC, type Table } from 'apache-arrow';
import { arrowToRows } from './arrow-rows';
import type { Connector, Query, Row } from './connector';
import { UserError } from './user-error';

export const REMOTE_ENGINE = 'regioserver';

export const REMOTE_READ_ONLY =
  'De regiogegevens staan op de regioserver en zijn hier alleen te lezen: importeren, bewerken en ' +
  'opslaan kunnen alleen in de werkruimte van een gemeente. Publiceer de bijgewerkte gegevens opnieuw ' +
  'met publish:region.';

export const REMOTE_NO_LOCAL_TABLES =
  'Deze weergave maakt een tussentabel in de browser; met regiogegevens op de server kan dat (nog) ' +
  'niet. De overige weergaven werken wel.';

export const REMOTE_UNTAGGED =
  'Deze berekening is (nog) niet beschikbaar voor regiogegevens op de server: de server beantwoordt ' +
  'alleen vragen van vaste bouwstenen, geen losse SQL.';

/** The server's answer to a refused call, in Dutch, by HTTP status. */
function statusMessage(status: number, serverText: string | null): string {
  const detail = serverText ? ` (${serverText})` : '';
  switch (status) {
    case 401:
      return 'U bent niet (meer) aangemeld bij de regioserver. Laad de pagina opnieuw om u aan te melden.';
    case 403:
      return `De regioserver geeft geen toegang tot deze gegevens${detail}.`;
    case 413:
      return serverText ?? 'Het antwoord is te groot; zoom in of verfijn het filter.';
    case 504:
      return (
        serverText ??
        'De regioserver deed er te lang over; verfijn het filter en probeer het opnieuw.'
      );
    default:
      return `De regioserver kon de vraag niet beantwoorden${detail}. Probeer het opnieuw.`;
  }
}

/** An error of the server (status) or of the connection to it; the message is Dutch. */
export class RemoteQueryError extends UserError {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export class RemoteConnector implements Connector {
  readonly engine = REMOTE_ENGINE;

  /** `url`: the server's query address (manifest `server`, resolved against the manifest's). */
  constructor(
    readonly url: string,
    private readonly send: typeof fetch = (...args) => fetch(...args),
  ) {}

  async queryArrow(query: Query): Promise<Table> {
    const { call } = query;
    if (!call) throw new RemoteQueryError(REMOTE_UNTAGGED);
    let response: Response;
    try {
      response = await this.send(this.url, {
        method: 'POST',
        // The reverse proxy knows the user by the session cookie it set (OIDC/SAML). The
        // server is on the app's origin, or on one the build allows (region-manifest.ts),
        // whose proxy then answers CORS with credentials (README).
        credentials: 'include',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/vnd.apache.arrow.stream',
        },
        body: JSON.stringify(call),
      });
    } catch {
      throw new RemoteQueryError(
        'De regioserver is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.',
      );
    }
    if (!response.ok) {
      const text = await response
        .json()
        .then((body: { error?: unknown }) => (typeof body?.error === 'string' ? body.error : null))
        .catch(() => null);
      throw new RemoteQueryError(statusMessage(response.status, text), response.status);
    }
    return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
  }

  async query<T = Row>(query: Query): Promise<T[]> {
    return arrowToRows<T>(await this.queryArrow(query));
  }

  async exec(): Promise<void> {
    // Imports and edits are not offered on a region (Gegevens); what remains are the
    // projections a view would build in the browser.
    throw new RemoteQueryError(REMOTE_NO_LOCAL_TABLES);
  }

  async registerFile(): Promise<void> {
    throw new RemoteQueryError(REMOTE_READ_ONLY);
  }

  async dropFile(): Promise<void> {
    throw new RemoteQueryError(REMOTE_READ_ONLY);
  }

  async insertArrow(): Promise<void> {
    throw new RemoteQueryError(REMOTE_READ_ONLY);
  }

  async insertIpc(): Promise<void> {
    throw new RemoteQueryError(REMOTE_READ_ONLY);
  }

  /** Raw SQL cannot travel (snapshots and exports of the whole database are local only). */
  async queryIpc(): Promise<Uint8Array> {
    throw new RemoteQueryError(REMOTE_UNTAGGED);
  }

  async close(): Promise<void> {}
}

/** True for the connector of a region server (the views that write check this). */
export const isRemote = (conn: Connector): boolean => conn.engine === REMOTE_ENGINE;

/**
 * The server's query address from the manifest's `server` (absolute, or relative to the
 * manifest's own address); null when the manifest names none or an unusable one.
 */
export function serverUrl(server: unknown, manifestUrl: string): string | null {
  if (typeof server !== 'string' || !server.trim()) return null;
  try {
    const url = new URL(server.trim(), manifestUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
