/**
 * The region server's contract (issue 25), on 127.0.0.1 with the server started in this
 * process on a free port: the same rows as the browser's engine on the same data; a user
 * of one gemeente gets exactly that gemeente's counts, never another's; SQL is refused,
 * unknown builders too; a slow query ends in 504; no identity, no answer; one audit line
 * per request, in a chain that shows an edited or removed line.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowToRows } from '../../src/lib/data/arrow-rows';
import type { Connector, Query, Row } from '../../src/lib/data/connector';
import {
  buildDrilldownBaseQuery,
  buildDrilldownPageQuery,
  buildDrilldownSummaryQuery,
} from '../../src/lib/data/queries/drilldown';
import { buildClosedHandlingQuery } from '../../src/lib/data/queries/melding-handling';
import {
  RemoteConnector,
  RemoteQueryError,
  REMOTE_UNTAGGED,
} from '../../src/lib/data/remote-connector';
import { verifyAuditChain } from '../../server/src/audit';
import { buildCall } from '../../server/src/builders';
import { ensureFacts } from '../../src/lib/data/analysis-facts';
import { buildExploreFacts } from '../../src/lib/data/explore-projection';
import { EXPLORE_FACTS_CELL } from '../../src/lib/data/queries/explore-facts-table';
import { fitRdPolynomial } from '../../src/lib/data/queries/hotspots';
import { buildAreaBoundsQuery } from '../../src/lib/data/queries/map';
import { BUILDERS } from '../../src/lib/data/queries/registry';
import { ConfigError, parseConfig, type ServerConfig } from '../../server/src/config';
import { QueryTimeoutError } from '../../server/src/region-db';
import { startRegionServer, type RegionServer } from '../../server/src/server';
import {
  buildRegionFixture,
  GEMEENTE_A,
  GEMEENTE_B,
  type RegionFixture,
} from '../helpers/region-fixture';

let region: RegionFixture;
let server: RegionServer;
let config: ServerConfig;

const USERS = {
  alice: { role: 'analist', gemeenten: [GEMEENTE_A] },
  bob: { role: 'analist', gemeenten: [GEMEENTE_B] },
  rita: { role: 'regio', gemeenten: [GEMEENTE_A, GEMEENTE_B] },
  rick: { role: 'riec', gemeenten: [GEMEENTE_A, GEMEENTE_B] },
};

function configFor(overrides: Record<string, unknown> = {}): ServerConfig {
  return parseConfig({
    port: 0,
    database: region.summary.database,
    auditLog: path.join(region.dir, `audit-${Math.random().toString(36).slice(2)}.jsonl`),
    users: USERS,
    ...overrides,
  });
}

async function post(
  body: unknown,
  user: string | null,
  target: RegionServer = server,
): Promise<{ status: number; rows: Row[] | null; error: string | null }> {
  const response = await fetch(`${target.url}/query`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(user ? { 'X-Wijkradar-User': user } : {}),
    },
    body: JSON.stringify(body),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (response.headers.get('content-type') === 'application/vnd.apache.arrow.stream') {
    return { status: response.status, rows: arrowToRows(tableFromIPC(bytes)), error: null };
  }
  const { error } = JSON.parse(new TextDecoder().decode(bytes)) as { error: string };
  return { status: response.status, rows: null, error };
}

type Call = { builder: string; args: unknown[] };
const PROJECTION_READ = /\banalysis_near\b/;
const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const NORMS = { defaultDays: 14, byCategory: { parkeeroverlast: 3 } };

/** The server's rows for a builder call, as `user` (it must answer 200). */
async function rowsOf(call: Call, user: string): Promise<Row[]> {
  const answer = await post(call, user);
  expect(answer.error).toBeNull();
  expect(answer.status).toBe(200);
  return answer.rows!;
}

/** The same call's rows on a direct connection (DuckDB-WASM, the browser's engine). */
const direct = (conn: Connector, call: Call) => conn.query(buildCall(call));

const TABLE_COUNTS: Call = { builder: 'overview.buildTableCountsQuery', args: [] };
const wijkMonths = (tables: string[], filter: Record<string, unknown>): Call => ({
  builder: 'trends.buildWijkMonthlyCountsQuery',
  args: [tables, filter],
});

beforeAll(async () => {
  region = await buildRegionFixture();
  config = configFor();
  server = await startRegionServer(config);
});

afterAll(async () => {
  await server?.close();
  await region?.a.close();
  await region?.b.close();
});

const counts = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.table_name, r.n]));

/** Every gemeente code an example's arguments name in a `gemeenten` list, at any depth. */
function namedGemeenten(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(namedGemeenten);
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === 'gemeenten' && Array.isArray(inner)
      ? inner.filter((v): v is string => typeof v === 'string')
      : namedGemeenten(inner),
  );
}

describe('scope per gemeente', () => {
  it('listens on the loopback address only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it("gives an analist exactly their gemeente's counts, the same as the browser's engine", async () => {
    const alice = await rowsOf(TABLE_COUNTS, 'alice');
    const bob = await rowsOf(TABLE_COUNTS, 'bob');
    expect(alice).toEqual(await direct(region.a, TABLE_COUNTS));
    expect(bob).toEqual(await direct(region.b, TABLE_COUNTS));
    // The two gemeenten differ, so equality above is not a coincidence.
    expect(counts(alice).incidents).toBeGreaterThan(counts(bob).incidents as number);
    expect(counts(bob).incidents).toBeGreaterThan(0);
  });

  it('gives a regional analyst the sum of the granted gemeenten', async () => {
    const rita = counts(await rowsOf(TABLE_COUNTS, 'rita'));
    const a = counts(await direct(region.a, TABLE_COUNTS));
    const b = counts(await direct(region.b, TABLE_COUNTS));
    for (const table of Object.keys(a)) {
      expect(rita[table], table).toBe((a[table] as number) + (b[table] as number));
    }
  });

  it('filters by the shared filter on the server as in the browser', async () => {
    const call = wijkMonths(['incidents', 'meldingen'], {
      themes: ['afval', 'jeugd'],
      hours: [20, 21, 22, 23],
    });
    const expected = await direct(region.a, call);
    expect(expected.length).toBeGreaterThan(10);
    expect(await rowsOf(call, 'alice')).toEqual(expected);
    expect(await rowsOf(call, 'bob')).toEqual(await direct(region.b, call));
  });

  it('shows a riec user only the ondermijning records', async () => {
    const rows = await rowsOf(wijkMonths(['incidents', 'meldingen'], { hours: [] }), 'rick');
    expect([...new Set(rows.map((r) => r.theme))]).toEqual(['ondermijning']);
    const total = (rows: Row[]) => rows.reduce((s, r) => s + (r.n as number), 0);
    const only = wijkMonths(['incidents', 'meldingen'], { themes: ['ondermijning'] });
    expect(total(rows)).toBe(
      total(await direct(region.a, only)) + total(await direct(region.b, only)),
    );
  });

  it('keeps drill-down and the handling export (CSV) to the gemeente too', async () => {
    const wijk = { kind: 'area', level: 'wijk', code: 'WK990100' } as const;
    const base = buildDrilldownBaseQuery(['incidents', 'meldingen'], { themes: ['afval'] }, wijk);
    const queries = [
      buildDrilldownSummaryQuery(base),
      buildDrilldownPageQuery(base, 0, 25),
      buildDrilldownPageQuery(base, 1, 25),
      buildClosedHandlingQuery({}, NORMS, 'category'),
      buildClosedHandlingQuery({ themes: ['afval'] }, NORMS, 'wijk'),
    ];
    for (const query of queries) {
      const name = query.call!.builder;
      const a = await direct(region.a, query.call!);
      const b = await direct(region.b, query.call!);
      // What the browser runs (the builder's SQL) and what the registry builds agree.
      expect(a, name).toEqual(await region.a.query(query));
      expect(a.length, name).toBeGreaterThan(0);
      // Pages show the newest records, which both gemeenten share; the totals differ.
      if (!name.endsWith('PageQuery')) expect(a, name).not.toEqual(b);
      expect(await rowsOf(query.call!, 'alice'), name).toEqual(a);
      expect(await rowsOf(query.call!, 'bob'), name).toEqual(b);
    }
  });

  it('answers every registered builder’s examples as the browser’s engine does', async () => {
    // The browser builds its projections before it reads them; the server per scope, with
    // Verkennen's cells on the grid fitted over the scope's areas (grid-context.ts).
    await ensureFacts(region.a, 1);
    const [box] = await region.a.query<Record<string, number>>(buildAreaBoundsQuery());
    const rd = fitRdPolynomial({
      minLon: box.min_lon,
      minLat: box.min_lat,
      maxLon: box.max_lon,
      maxLat: box.max_lat,
    });
    expect(await buildExploreFacts(region.a, rd, EXPLORE_FACTS_CELL)).toBe('table');
    // A row's position differs between the region file and the gemeente's own database.
    const sorted = (rows: Row[]) =>
      rows.map(({ rid: _rid, ...rest }) => JSON.stringify(rest)).sort();
    const differing: string[] = [];
    const skipped = new Set<string>();
    let refused = 0;
    for (const [name, entry] of Object.entries(BUILDERS)) {
      for (const args of entry.examples) {
        const call = { builder: name, args: args as unknown[] };
        // The near table is built per request in the browser; on the server the inline
        // builder (facts-near.buildFactsNearMonthInlineQuery) gives the same rows.
        // A record by its position: positions differ between the region file and the
        // gemeente's own database.
        if (
          PROJECTION_READ.test(buildCall(call).sql) ||
          name === 'drilldown.buildPointRecordQuery'
        ) {
          skipped.add(name);
          continue;
        }
        const answer = await post(call, 'alice');
        // An example naming a gemeente outside alice's grant is refused, never widened.
        if (namedGemeenten(args).some((code) => code !== GEMEENTE_A)) {
          if (answer.status !== 403) differing.push(`${name} ${answer.status}, expected 403`);
          refused++;
          continue;
        }
        const expected = sorted(await direct(region.a, call));
        if (answer.status !== 200 || !equal(sorted(answer.rows!), expected)) {
          differing.push(`${name} ${answer.status} ${answer.error ?? ''}`);
        }
      }
    }
    expect(differing).toEqual([]);
    expect(refused).toBeGreaterThan(0); // the registry's examples include a gemeente filter
    expect([...skipped].sort()).toEqual([
      'drilldown.buildPointRecordQuery',
      'facts-near.buildFactsNearMonthQuery',
    ]);
  });

  it('refuses a gemeente or theme outside the grant instead of widening the filter', async () => {
    const other = await post(
      {
        builder: 'trends.buildWijkMonthlyCountsQuery',
        args: [['incidents'], { gemeenten: [GEMEENTE_B] }],
      },
      'alice',
    );
    expect(other.status).toBe(403);
    expect(other.error).toContain(GEMEENTE_B);
    const theme = await post(
      {
        builder: 'trends.buildWijkMonthlyCountsQuery',
        args: [['incidents'], { themes: ['afval'] }],
      },
      'rick',
    );
    expect(theme.status).toBe(403);
  });
});

describe('what the server refuses', () => {
  it('answers 401 without identity and 403 to an unknown user', async () => {
    const none = await post({ builder: 'overview.buildTableCountsQuery', args: [] }, null);
    expect(none.status).toBe(401);
    const stranger = await post({ builder: 'overview.buildTableCountsQuery', args: [] }, 'mallory');
    expect(stranger.status).toBe(403);
  });

  it('never runs SQL it is sent (403), also inside the arguments', async () => {
    const raw = await post({ sql: 'SELECT * FROM incidents' }, 'rita');
    expect(raw.status).toBe(403);
    expect(raw.error).toMatch(/geen SQL/);
    const nested = await post(
      { builder: 'trends.buildWijkMonthlyCountsQuery', args: [['incidents'], { sql: 'SELECT 1' }] },
      'rita',
    );
    expect(nested.status).toBe(403);
  });

  it('answers 400 to an unknown builder and to a body without one', async () => {
    const unknown = await post({ builder: 'drop.everything', args: [] }, 'rita');
    expect(unknown.status).toBe(400);
    expect(unknown.error).toContain('drop.everything');
    expect((await post({ args: [] }, 'rita')).status).toBe(400);
  });

  it('answers 504 when a query runs past the time limit', async () => {
    const slow = await startRegionServer(configFor({ queryTimeoutMs: 1 }));
    try {
      const answer = await post(
        {
          builder: 'trends.buildWijkMonthlyCountsQuery',
          args: [['incidents', 'meldingen', 'visits'], {}],
        },
        'rita',
        slow,
      );
      expect(answer.status).toBe(504);
      expect(answer.error).toMatch(/langer dan/);
    } finally {
      await slow.close();
    }
  });

  it('holds the build of a scope’s projection to the time limit, and builds it on the next request', async () => {
    const fresh = await startRegionServer(configFor());
    try {
      const scope = { gemeenten: [GEMEENTE_A], themes: null };
      const query = buildCall({
        builder: 'explore-facts.buildFactsThemeCountsQuery',
        args: [['incidents', 'meldingen', 'visits'], {}],
      });
      await expect(
        fresh.database.query(scope, query, { timeoutMs: 1, maxRows: 100 }),
      ).rejects.toBeInstanceOf(QueryTimeoutError);
      const answer = await fresh.database.query(scope, query, { timeoutMs: 30_000, maxRows: 100 });
      expect(answer.rows).toBeGreaterThan(3);
    } finally {
      await fresh.close();
    }
  });

  it('interrupts the engine at the time limit instead of waiting for it', async () => {
    const started = performance.now();
    const heavy = { sql: 'SELECT count(*) FROM range(20000000000) a' };
    await expect(
      server.database.query({ gemeenten: [GEMEENTE_A], themes: null }, heavy, {
        timeoutMs: 200,
        maxRows: 10,
      }),
    ).rejects.toBeInstanceOf(QueryTimeoutError);
    // Counting 2e10 rows takes minutes; the interrupt ends it within moments.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('answers 413 above the point limit instead of a cut-off result', async () => {
    const small = await startRegionServer(configFor({ maxRows: 10 }));
    try {
      const answer = await post(
        { builder: 'trends.buildWijkMonthlyCountsQuery', args: [['incidents'], {}] },
        'alice',
        small,
      );
      expect(answer.status).toBe(413);
      expect(
        (await post({ builder: 'overview.buildTableCountsQuery', args: [] }, 'alice', small))
          .status,
      ).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('the browser’s remote connector', () => {
  /** As the reverse proxy: the identity header added to what the browser sends. */
  const asUser =
    (user: string): typeof fetch =>
    (url, init) =>
      fetch(url, { ...init, headers: { ...(init?.headers ?? {}), 'X-Wijkradar-User': user } });

  it('sends the builder call and reads the same rows as DuckDB-WASM', async () => {
    const conn = new RemoteConnector(`${server.url}/query`, asUser('alice'));
    const call = wijkMonths(['visits'], { weekdays: [6, 7] });
    const rows = await conn.query({ sql: 'not sent', call } as Query);
    expect(rows).toEqual(await direct(region.a, call));
  });

  it('refuses in Dutch what a server cannot do', async () => {
    const conn: Connector = new RemoteConnector(`${server.url}/query`, asUser('alice'));
    await expect(conn.query({ sql: 'SELECT 1' })).rejects.toThrow(REMOTE_UNTAGGED);
    await expect(conn.exec('CREATE TABLE x (a INTEGER)')).rejects.toBeInstanceOf(RemoteQueryError);
    const stranger = new RemoteConnector(`${server.url}/query`, asUser('mallory'));
    await expect(stranger.query({ sql: '', call: TABLE_COUNTS } as Query)).rejects.toThrow(
      /geen toegang/,
    );
    const anonymous = new RemoteConnector(`${server.url}/query`);
    await expect(anonymous.query({ sql: '', call: TABLE_COUNTS } as Query)).rejects.toThrow(
      /niet \(meer\) aangemeld/,
    );
  });
});

describe('configuration', () => {
  it('refuses unknown roles, bad codes and an analist of two gemeenten', () => {
    const base = { database: 'x.duckdb' };
    expect(() =>
      parseConfig({ ...base, users: { u: { role: 'admin', gemeenten: ['GM0001'] } } }),
    ).toThrow(ConfigError);
    expect(() =>
      parseConfig({ ...base, users: { u: { role: 'regio', gemeenten: ['0001'] } } }),
    ).toThrow(/GMnnnn/);
    expect(() =>
      parseConfig({ ...base, users: { u: { role: 'analist', gemeenten: ['GM0001', 'GM0002'] } } }),
    ).toThrow(/precies één/);
    expect(parseConfig(base).listen).toBe('127.0.0.1');
  });
});

describe('audit log', () => {
  it('writes one chained line per request, with who, builder and scope but no values', async () => {
    const own = await startRegionServer(configFor());
    try {
      await post({ builder: 'overview.buildTableCountsQuery', args: [] }, 'alice', own);
      await post({ builder: 'overview.buildTableCountsQuery', args: [] }, null, own);
      await post({ sql: 'SELECT 1' }, 'bob', own);
      await post({ builder: 'nope', args: [] }, 'rita', own);
      await own.audit.flush();
      const lines = (await readFile(own.audit.file, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => [l.user, l.builder, l.status])).toEqual([
        ['alice', 'overview.buildTableCountsQuery', 200],
        [null, null, 401],
        ['bob', null, 403],
        ['rita', 'nope', 400],
      ]);
      expect(lines[0].scope).toBe(GEMEENTE_A);
      expect(Object.keys(lines[0]).sort()).toEqual(
        [
          'builder',
          'duration_ms',
          'hash',
          'prev',
          'role',
          'rows',
          'scope',
          'status',
          'time',
          'user',
        ].sort(),
      );
      expect(await verifyAuditChain(own.audit.file)).toEqual({ ok: true, lines: 4 });
    } finally {
      await own.close();
    }
  });

  it('detects an edited line and a removed line', async () => {
    const own = await startRegionServer(configFor());
    for (const user of ['alice', 'bob', 'rita']) {
      await post({ builder: 'overview.buildTableCountsQuery', args: [] }, user, own);
    }
    await own.close();
    const text = await readFile(own.audit.file, 'utf8');
    const edited = path.join(region.dir, 'edited.jsonl');
    await writeFile(edited, text.replace('"user":"bob"', '"user":"rita"'));
    expect(await verifyAuditChain(edited)).toMatchObject({ ok: false, line: 2 });
    const removed = path.join(region.dir, 'removed.jsonl');
    const lines = text.trim().split('\n');
    await writeFile(removed, `${[lines[0], lines[2]].join('\n')}\n`);
    expect(await verifyAuditChain(removed)).toMatchObject({ ok: false, line: 2 });
    // A restarted server continues the chain.
    const again = await startRegionServer({ ...configFor(), auditLog: own.audit.file });
    await post({ builder: 'overview.buildTableCountsQuery', args: [] }, 'alice', again);
    await again.close();
    expect(await verifyAuditChain(own.audit.file)).toEqual({ ok: true, lines: 4 });
  });
});
