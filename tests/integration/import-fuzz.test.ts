/**
 * Fuzzing the import with random, truncated, mis-encoded and oversized inputs (seeded, so
 * a failure reproduces): every attempt either produces a report or a Dutch ImportError —
 * never another exception — and the stored data is byte-for-byte what it was.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../../src/lib/analysis/random';
import type { Connector } from '../../src/lib/data/connector';
import type { RecordKind } from '../../src/lib/data/import/column-mapping';
import { nodeParquetReader } from '../../src/lib/data/import/parquet-node';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { ImportError } from '../../src/lib/data/import/stage';
import { loadDemoInNode } from '../helpers/demo-node';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const KINDS: RecordKind[] = ['incidents', 'meldingen', 'visits', 'buildings'];

let conn: Connector;
let fingerprint: () => Promise<unknown>;
let originals: Uint8Array[];

beforeAll(async () => {
  conn = await loadDemoInNode();
  fingerprint = () =>
    conn.query({
      sql: `SELECT (SELECT sum(hash(id, occurred_from, theme, buurtcode)) FROM incidents) AS i,
                   (SELECT sum(hash(id, reported_at, theme)) FROM meldingen) AS m,
                   (SELECT sum(hash(id, started_at)) FROM visits) AS v,
                   (SELECT count(*) FROM buildings) AS b`,
    });
  originals = await Promise.all(
    ['signalen-meldingen.csv', 'incidenten-rd-1252.csv'].map(
      async (f) => new Uint8Array(await readFile(path.join(FIXTURES, f))),
    ),
  );
});
afterAll(() => conn.close());

function mutate(rng: Random, base: Uint8Array): { name: string; bytes: Uint8Array } {
  const choice = rng.int(0, 7);
  if (choice === 0)
    return {
      name: 'random.csv',
      bytes: Uint8Array.from({ length: rng.int(0, 4000) }, () => rng.int(0, 255)),
    };
  if (choice === 1) return { name: 'truncated.csv', bytes: base.slice(0, rng.int(0, base.length)) };
  if (choice === 2) {
    const bytes = base.slice();
    for (let i = 0; i < 20; i++) bytes[rng.int(0, bytes.length - 1)] = rng.int(0, 255);
    return { name: 'flipped.csv', bytes };
  }
  if (choice === 3) {
    // UTF-16 LE with BOM, as Excel's "Unicode-tekst" export writes it.
    const text = new TextDecoder().decode(base);
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    return { name: 'utf16.csv', bytes };
  }
  if (choice === 4) {
    const line = 'id;' + 'x'.repeat(rng.int(100_000, 2_000_000)) + '\n1;2\n';
    return { name: 'long-line.csv', bytes: new TextEncoder().encode(line) };
  }
  if (choice === 5) {
    const header = Array.from({ length: rng.int(300, 600) }, (_, i) => `kolom${i}`).join(',');
    return { name: 'wide.csv', bytes: new TextEncoder().encode(header + '\n1,2\n') };
  }
  if (choice === 6)
    return {
      name: 'kapot.parquet',
      bytes: new TextEncoder().encode('PAR1' + 'x'.repeat(rng.int(0, 500))),
    };
  return {
    name: 'kapot.geojson',
    bytes: new TextEncoder().encode(
      '{"type":"FeatureCollection","features":[{"type":"Feature"'.slice(0, rng.int(1, 60)),
    ),
  };
}

describe('import fuzz', () => {
  it('never throws anything but a Dutch ImportError and never changes stored data', async () => {
    const before = await fingerprint();
    const rng = createRandom(20261123);
    const unexpected: string[] = [];
    let reports = 0;
    let refusals = 0;
    for (let round = 0; round < 60; round++) {
      const { name, bytes } = mutate(rng, originals[round % originals.length]);
      const kind = KINDS[round % KINDS.length];
      try {
        const prepared = await prepareImport(conn, kind, name, bytes, {
          parquet: nodeParquetReader,
        });
        if (prepared.problems.length === 0) {
          await runImport(conn, prepared, { dataset: 'fuzz', commit: false });
          reports++;
        } else {
          refusals++;
        }
      } catch (error) {
        if (error instanceof ImportError && /[a-z]/.test(error.message)) refusals++;
        else unexpected.push(`${round} ${name} ${kind}: ${(error as Error).message}`);
      }
    }
    expect(unexpected).toEqual([]);
    expect(reports + refusals).toBe(60);
    expect(await fingerprint()).toEqual(before);
  }, 180_000);
});

describe('binary files named .csv', () => {
  it('are refused as "geen tekstbestand" before any parsing', async () => {
    const conn2 = await loadDemoInNode();
    // The first bytes of an .xlsx (a zip archive): "PK\x03\x04" and binary headers.
    const xlsx = Uint8Array.from([
      0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00,
    ]);
    await expect(prepareImport(conn2, 'incidents', 'export.csv', xlsx)).rejects.toThrow(
      'Dit is geen tekstbestand',
    );
    await conn2.close();
  });
});
