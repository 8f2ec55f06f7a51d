/**
 * `POST /query` with `{ builder, args }` → the builder's result as an Arrow IPC stream
 * (issue 25, region.md §4). The server never runs SQL it is sent (403); it runs the
 * registered builder (400 for an unknown one or wrong arguments) in the caller's scope
 * (401 without identity, 403 without a grant), within the time (504) and point limits
 * (413), and writes one audit line per request before it answers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditLog, type AuditEntry } from './audit';
import { TooManyRowsError } from './arrow-result';
import { buildCall, BuilderCallError } from './builders';
import type { ServerConfig } from './config';
import { QueryTimeoutError, RegionDatabase } from './region-db';
import { narrowArgs, RequestError, scopeKey, scopeOf, type Scope } from './scope';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of request as AsyncIterable<Buffer>) {
    size += part.length;
    if (size > limit) throw new RequestError(413, 'Het verzoek is te groot.');
    parts.push(part);
  }
  return Buffer.concat(parts).toString('utf8');
}

/** True when the value holds a key `sql` anywhere (a query smuggled in as an argument). */
function carriesSql(value: unknown, depth = 0): boolean {
  if (depth > 8 || typeof value !== 'object' || value === null) return false;
  if (!Array.isArray(value) && Object.hasOwn(value, 'sql')) return true;
  return Object.values(value).some((v) => carriesSql(v, depth + 1));
}

function parseCall(body: string): { builder: string; args: unknown[] } {
  let call: unknown;
  try {
    call = JSON.parse(body);
  } catch {
    throw new RequestError(400, 'Het verzoek is geen geldige JSON.');
  }
  if (carriesSql(call)) {
    throw new RequestError(
      403,
      'Deze server voert geen SQL uit; stuur de naam van een bouwsteen met zijn argumenten.',
    );
  }
  const { builder, args } = (call ?? {}) as { builder?: unknown; args?: unknown };
  if (typeof builder !== 'string' || !Array.isArray(args)) {
    throw new RequestError(
      400,
      'Het verzoek noemt geen bouwsteen (builder) met argumenten (args).',
    );
  }
  return { builder, args };
}

/**
 * The builder's query for the narrowed arguments. Where narrowing made an argument the
 * builder does not accept (an object that only looked like a filter), the original
 * arguments are built instead: the scoped views still hold the query to the scope.
 */
function buildScoped(call: { builder: string; args: unknown[] }, scope: Scope) {
  const narrowed = narrowArgs(call.args, scope);
  try {
    return buildCall({ builder: call.builder, args: narrowed });
  } catch (error) {
    if (!(error instanceof BuilderCallError)) throw error;
    try {
      return buildCall(call);
    } catch (second) {
      if (second instanceof BuilderCallError) {
        throw new RequestError(400, `Ongeldige aanroep: ${second.message}`);
      }
      throw second;
    }
  }
}

export interface RegionServer {
  /** The base URL, e.g. http://127.0.0.1:8787 (port 0 in the config picks a free one). */
  url: string;
  server: Server;
  database: RegionDatabase;
  audit: AuditLog;
  close(): Promise<void>;
}

/** Opens the database and listens; resolves once requests are accepted. */
export async function startRegionServer(config: ServerConfig): Promise<RegionServer> {
  const database = await RegionDatabase.open(config.database, { threads: config.threads });
  const audit = new AuditLog(config.auditLog);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const entry: AuditEntry = {
      time: new Date().toISOString(),
      user: null,
      role: null,
      builder: null,
      scope: null,
      status: 500,
      duration_ms: 0,
      rows: null,
    };
    let body: Uint8Array | string = '';
    let type = 'application/json; charset=utf-8';
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (url.pathname !== '/query')
        throw new RequestError(404, 'Onbekend adres; gebruik POST /query.');
      if (request.method !== 'POST') throw new RequestError(405, 'Gebruik POST /query.');
      const scope = scopeOf(config, request.headers);
      entry.user = scope.user;
      entry.role = scope.role;
      entry.scope = scopeKey(scope);
      const call = parseCall(await readBody(request, config.maxBodyBytes));
      entry.builder = call.builder.slice(0, 120);
      const query = buildScoped(call, scope);
      const result = await database.query(scope, query, {
        timeoutMs: config.queryTimeoutMs,
        maxRows: config.maxRows,
      });
      entry.rows = result.rows;
      entry.status = 200;
      body = result.bytes;
      type = ARROW_STREAM;
    } catch (error) {
      const [status, message] = describe(error, config);
      entry.status = status;
      body = JSON.stringify({ error: message });
      if (status === 500) console.error(error);
      if (status === 401) entry.user = null;
    }
    entry.duration_ms = Math.round(performance.now() - started);
    try {
      await audit.append(entry);
    } catch (error) {
      // No answer that the log does not hold.
      console.error(error);
      entry.status = 500;
      body = JSON.stringify({ error: 'Het auditlog kon niet worden bijgewerkt.' });
      type = 'application/json; charset=utf-8';
    }
    response.writeHead(entry.status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      ...(entry.rows !== null && entry.status === 200
        ? { 'X-Wijkradar-Rows': String(entry.rows) }
        : {}),
    });
    response.end(body);
  };

  const server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.listen, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.listen.includes(':') ? `[${config.listen}]` : config.listen;
  return {
    url: `http://${host}:${port}`,
    server,
    database,
    audit,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await audit.flush();
      database.close();
    },
  };
}

function describe(error: unknown, config: ServerConfig): [number, string] {
  if (error instanceof RequestError) return [error.status, error.message];
  if (error instanceof QueryTimeoutError) {
    return [
      504,
      `De vraag duurde langer dan ${Math.round(config.queryTimeoutMs / 1000)} s en is afgebroken; verfijn het filter.`,
    ];
  }
  if (error instanceof TooManyRowsError) {
    return [
      413,
      `Het antwoord heeft meer dan ${error.limit.toLocaleString('nl-NL')} rijen; zoom in of verfijn het filter.`,
    ];
  }
  return [500, 'De regioserver kon de vraag niet beantwoorden.'];
}
