/**
 * Persistence and workspace files: export → restore gives identical query results, and a
 * damaged or foreign file is refused with a Dutch message while the data stays intact.
 */
import { DataType, tableFromIPC } from 'apache-arrow';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { restoreSnapshot, takeSnapshot } from '../../src/lib/data/snapshot';
import { createMemorySnapshotStore } from '../../src/lib/data/snapshot-store';
import { decodeWorkspace, encodeWorkspace } from '../../src/lib/data/workspace-file';
import { loadDemoInNode } from '../helpers/demo-node';
import { PARITY_QUERIES } from '../helpers/parity-queries';

let source: Connector;
let target: Connector;

beforeAll(async () => {
  source = await loadDemoInNode();
  target = await createNodeConnector();
});
afterAll(async () => {
  await source.close();
  await target.close();
});

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream) {
  const body = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(body).arrayBuffer());
}

async function answers(conn: Connector) {
  const result: Record<string, unknown> = {};
  for (const [name, query] of Object.entries(PARITY_QUERIES))
    result[name] = await conn.query(query);
  result.everything = await conn.query({
    sql: `SELECT 'i' AS t, count(*) AS n, sum(hash(id, occurred_from, theme, outcome, lon, lat, buurtcode)) AS h FROM incidents
          UNION ALL SELECT 'm', count(*), sum(hash(id, reported_at, happened_from, theme, status, closed_at)) FROM meldingen
          UNION ALL SELECT 'v', count(*), sum(hash(id, started_at, ended_at, kind, target)) FROM visits
          UNION ALL SELECT 'a', count(*), sum(hash(code, geometry, inhabitants)) FROM areas
          UNION ALL SELECT 'b', count(*), sum(hash(id, vacant_since, status)) FROM buildings
          ORDER BY t`,
  });
  return result;
}

describe('workspace export and restore', () => {
  it('gives identical query results elsewhere', async () => {
    const file = await encodeWorkspace(
      await takeSnapshot(source, { profiles: [{ name: 'Signalen' }] }),
    );
    const snapshot = await decodeWorkspace(file);
    expect(snapshot.manifest.settings).toEqual({ profiles: [{ name: 'Signalen' }] });
    await restoreSnapshot(target, snapshot);
    expect(await answers(target)).toEqual(await answers(source));
  });

  it('stores repeated texts once per table (dictionaries), ids and geometries as they are', async () => {
    const snapshot = await takeSnapshot(source);
    const type = (table: 'incidents' | 'areas', column: string) =>
      tableFromIPC(snapshot.tables.get(table)!).schema.fields.find((f) => f.name === column)!.type;
    for (const column of ['theme', 'category', 'outcome', 'source', 'wijkcode', 'dataset'])
      expect(DataType.isDictionary(type('incidents', column)), column).toBe(true);
    expect(DataType.isUtf8(type('incidents', 'id'))).toBe(true);
    expect(DataType.isUtf8(type('areas', 'geometry'))).toBe(true);
    const [{ rows }] = await source.query<{ rows: number }>({
      sql: 'SELECT count(*) AS rows FROM incidents',
    });
    expect(tableFromIPC(snapshot.tables.get('incidents')!).numRows).toBe(rows);
  });

  it('refuses a truncated file and leaves the data intact', async () => {
    const file = await encodeWorkspace(await takeSnapshot(source));
    const before = await answers(target);
    await expect(decodeWorkspace(file.subarray(0, Math.floor(file.length / 2)))).rejects.toThrow(
      /werkruimte/,
    );
    expect(await answers(target)).toEqual(before);
  });

  it('refuses a file that is not a workspace', async () => {
    await expect(decodeWorkspace(new TextEncoder().encode('id,datum\n1,2'))).rejects.toThrow(
      'Dit bestand is geen (volledige) werkruimte van wijkradar.',
    );
  });

  it('detects a corrupted table before anything is replaced', async () => {
    const file = await encodeWorkspace(await takeSnapshot(source));
    const raw = await transform(file, new DecompressionStream('gzip'));
    raw[raw.length - 100] ^= 0xff; // inside the last table's Arrow bytes
    const damaged = await transform(raw, new CompressionStream('gzip'));
    await expect(decodeWorkspace(damaged)).rejects.toThrow(
      /beschadigd: de gegevens van .* kloppen niet/,
    );
  });

  it('refuses a snapshot whose row counts do not match and keeps the current data', async () => {
    const snapshot = await takeSnapshot(source);
    snapshot.manifest.tables.visits += 1;
    const before = await answers(target);
    await expect(restoreSnapshot(target, snapshot)).rejects.toThrow(/beschadigd: tabel visits/);
    expect(await answers(target)).toEqual(before);
  });
});

describe('snapshot store (persistence across reloads)', () => {
  it('a reload restores the saved data exactly', async () => {
    const store = createMemorySnapshotStore();
    await store.save(await takeSnapshot(source));
    const fresh = await createNodeConnector();
    const saved = await store.load();
    expect(saved).not.toBeNull();
    await restoreSnapshot(fresh, saved!);
    expect(await answers(fresh)).toEqual(await answers(source));
    await fresh.close();
  });
});

describe('a workspace file holding personal data (issue 27, item 6)', () => {
  const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/import/hostile');

  it('is refused, naming table and column, and changes nothing', async () => {
    const file = await readFile(path.join(HOSTILE, 'werkruimte-persoonsgegevens.wijkradar'));
    const snapshot = await decodeWorkspace(new Uint8Array(file));
    await restoreSnapshot(target, await takeSnapshot(source));
    const before = await answers(target);
    const refusal = restoreSnapshot(target, snapshot);
    await expect(refusal).rejects.toThrow(
      /^De werkruimte bevat persoonsgegevens in tabel ‘incidents’, kolom ‘outcome’: .*burgerservicenummers.* De gegevens zijn niet gewijzigd\.$/,
    );
    expect(await answers(target)).toEqual(before);
    const [{ n }] = await target.query<{ n: number }>({
      sql: `SELECT count(*) AS n FROM incidents WHERE contains(source, '@') OR outcome SIMILAR TO '[0-9.]+'`,
    });
    expect(n).toBe(0);
  });

  it('is refused for the e-mail addresses alone', async () => {
    const file = await readFile(path.join(HOSTILE, 'werkruimte-persoonsgegevens.wijkradar'));
    const conn = await createNodeConnector();
    try {
      await restoreSnapshot(conn, await takeSnapshot(source));
      await conn.exec(`UPDATE incidents SET source = 'bewoner' || id || '@voorbeeld.nl'
        WHERE id IN (SELECT id FROM incidents LIMIT 400)`);
      const withEmail = await takeSnapshot(conn);
      await expect(restoreSnapshot(target, withEmail)).rejects.toThrow(
        /tabel ‘incidents’, kolom ‘source’: .*e-mailadressen/,
      );
      expect((await decodeWorkspace(new Uint8Array(file))).manifest.tables.incidents).toBe(40);
    } finally {
      await conn.close();
    }
  });
});
