/**
 * Publishing: import → publish → open elsewhere gives identical query results; the CLI
 * writes the same files as the app; a missing or damaged file is named in Dutch and the
 * data that was open stays intact; a briefing can load only the recent years.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DataType, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';
import { buildPublication, type Publication } from '../../src/lib/data/publish';
import {
  DatasetError,
  parseManifest,
  readVerified,
  recentFromYear,
  replaceWithPublication,
  appendFiles,
  selectFiles,
} from '../../src/lib/data/published';
import { restoreSnapshot, takeSnapshot } from '../../src/lib/data/snapshot';
import { encodeWorkspace } from '../../src/lib/data/workspace-file';
import { directoryReader, writePublication } from '../../scripts/lib/publish-files';
import { loadDemoInNode } from '../helpers/demo-node';
import { PARITY_QUERIES } from '../helpers/parity-queries';
import { tableHashes } from '../helpers/table-hashes';

const ROOT = path.resolve(import.meta.dirname, '../..');
let source: Connector;
let target: Connector;
let dir: string;
let publication: Publication;

/** Every column of every table, as count and order-independent hash, plus the views' queries. */
async function answers(conn: Connector) {
  const result = await tableHashes(conn);
  for (const [name, query] of Object.entries(PARITY_QUERIES))
    result[name] = await conn.query(query);
  return result;
}

beforeAll(async () => {
  source = await loadDemoInNode();
  const csv = new Uint8Array(
    await readFile(path.join(ROOT, 'tests/fixtures/import/signalen-meldingen.csv')),
  );
  const prepared = await prepareImport(source, 'meldingen', 'signalen.csv', csv, {
    sourceLabel: 'Signalen',
  });
  const report = await runImport(source, prepared, { dataset: 'import-signalen' });
  expect(report.rows.accepted).toBe(6);
  publication = await buildPublication(source, {
    version: '2026-11 (1)',
    now: new Date('2026-11-23T10:00:00Z'),
  });
  dir = await mkdtemp(path.join(os.tmpdir(), 'wijkradar-publish-'));
  await writePublication(publication, dir);
  target = await createNodeConnector();
});
afterAll(async () => {
  await source.close();
  await target.close();
  await rm(dir, { recursive: true, force: true });
});

async function open(conn: Connector, folder: string, fromYear?: number) {
  const reader = directoryReader(folder);
  const manifest = parseManifest(await reader.read('manifest.json'));
  const files = selectFiles(manifest, fromYear);
  await replaceWithPublication(conn, files, await readVerified(reader, files));
  return manifest;
}

describe('published dataset', () => {
  it('describes itself: version, data period, municipality, tables and checksums', () => {
    const { manifest } = publication;
    expect(manifest.version).toBe('2026-11 (1)');
    expect(manifest.municipality).toBe('Donderdeel');
    expect(manifest.data_until).toBe('2026-10-31');
    expect(manifest.tables.incidents).toBe(15000);
    expect(manifest.tables.meldingen).toBe(30006);
    const incidentYears = manifest.files.filter((f) => f.table === 'incidents').map((f) => f.path);
    expect(incidentYears).toEqual([
      'incidents-2023.arrow',
      'incidents-2024.arrow',
      'incidents-2025.arrow',
      'incidents-2026.arrow',
    ]);
    // A briefing needs the last 120 days: this year only, or last year too early in the year.
    expect(recentFromYear(manifest)).toBe(2026);
    expect(recentFromYear({ ...manifest, data_until: '2026-02-10' })).toBe(2025);
    expect(manifest.files.find((f) => f.path === 'areas.geojson')?.sha256).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });

  it('stores repeated texts once per file (dictionaries), ids and numbers as they are', () => {
    const file = publication.files.get('incidents-2025.arrow')!;
    const table = tableFromIPC(file);
    const type = (name: string) => table.schema.fields.find((f) => f.name === name)!.type;
    for (const name of ['theme', 'category', 'outcome', 'wijkcode', 'buurtcode'])
      expect(DataType.isDictionary(type(name)), name).toBe(true);
    expect(DataType.isUtf8(type('id'))).toBe(true);
    expect(DataType.isFloat(type('lon'))).toBe(true);
    // The same rows as plain text take more than twice the bytes.
    const plain = tableToIPC(
      new Table(
        Object.fromEntries(
          table.schema.fields.map((f) => [
            f.name,
            DataType.isDictionary(f.type)
              ? vectorFromArray(table.getChild(f.name)!.toArray() as string[], new Utf8())
              : table.getChild(f.name)!,
          ]),
        ),
      ),
      'stream',
    );
    expect(file.length * 2).toBeLessThan(plain.length);
  });

  it('opens elsewhere with identical query results (import → publish → open)', async () => {
    await open(target, dir);
    expect(await answers(target)).toEqual(await answers(source));
  });

  it('loads only the recent years for a briefing, and the rest on demand', async () => {
    const fresh = await createNodeConnector();
    try {
      const manifest = await open(fresh, dir, 2026);
      const [{ first }] = await fresh.query<{ first: number }>({
        sql: 'SELECT min(year(occurred_from)) AS first FROM incidents',
      });
      expect(first).toBe(2026);
      const rest = manifest.files.filter((f) => f.year !== null && f.year < 2026);
      await appendFiles(fresh, rest, await readVerified(directoryReader(dir), rest));
      expect(await answers(fresh)).toEqual(await answers(source));
    } finally {
      await fresh.close();
    }
  });

  it('names a damaged or missing file in Dutch and keeps the open data intact', async () => {
    const broken = await mkdtemp(path.join(os.tmpdir(), 'wijkradar-broken-'));
    try {
      await writePublication(publication, broken);
      const before = await answers(target);
      const file = path.join(broken, 'meldingen-2025.arrow');
      const bytes = await readFile(file);
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      await writeFile(file, bytes);
      await expect(open(target, broken)).rejects.toThrow(
        'Het bestand meldingen-2025.arrow van de gepubliceerde gegevens is beschadigd of hoort bij een andere versie (controlegetal klopt niet).',
      );
      await rm(path.join(broken, 'areas.geojson'));
      await expect(open(target, broken)).rejects.toBeInstanceOf(DatasetError);
      await writeFile(path.join(broken, 'manifest.json'), '<!doctype html><html>');
      await expect(open(target, broken)).rejects.toThrow(
        'Het manifest van de gepubliceerde gegevens is onleesbaar.',
      );
      expect(await answers(target)).toEqual(before);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('refuses a publication holding personal data and keeps the open data (issue 27, item 6)', async () => {
    const hostile = await mkdtemp(path.join(os.tmpdir(), 'wijkradar-hostile-'));
    const conn = await createNodeConnector();
    try {
      await restoreSnapshot(conn, await takeSnapshot(source));
      await conn.exec(`UPDATE visits SET target = '06.12.34.' || lpad(CAST(rn % 100 AS VARCHAR), 2, '0')
          || '.' || lpad(CAST(rn // 100 % 100 AS VARCHAR), 2, '0')
        FROM (SELECT id AS vid, row_number() OVER (ORDER BY id) AS rn FROM visits) s
        WHERE visits.id = s.vid AND s.rn <= 800`);
      await writePublication(
        await buildPublication(conn, { version: 'x', now: new Date('2026-12-06T10:00:00Z') }),
        hostile,
      );
      const before = await answers(target);
      await expect(open(target, hostile)).rejects.toThrow(
        /^De publicatie bevat persoonsgegevens in tabel ‘visits’, kolom ‘target’: .*telefoonnummers/,
      );
      expect(await answers(target)).toEqual(before);
    } finally {
      await conn.close();
      await rm(hostile, { recursive: true, force: true });
    }
  });

  it('refuses a manifest that names files outside the dataset folder', () => {
    const manifest = {
      ...publication.manifest,
      files: [{ ...publication.manifest.files[0], path: '../index.html' }],
    };
    expect(() => parseManifest(new TextEncoder().encode(JSON.stringify(manifest)))).toThrow(
      'Het manifest noemt een ongeldige bestandsnaam: ../index.html.',
    );
  });

  it('npm run publish:data writes the same files from a workspace export', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'wijkradar-cli-'));
    try {
      const workspace = path.join(out, 'werkruimte.wijkradar');
      await writeFile(workspace, await encodeWorkspace(await takeSnapshot(source)));
      const { stdout } = await promisify(execFile)(
        'npx',
        [
          'tsx',
          'scripts/publish-data.ts',
          workspace,
          path.join(out, 'dataset'),
          '--version',
          'cli',
        ],
        { cwd: ROOT },
      );
      expect(JSON.parse(stdout)).toMatchObject({ version: 'cli', data_until: '2026-10-31' });
      const manifest = parseManifest(await readFile(path.join(out, 'dataset', 'manifest.json')));
      const checksums = (files: typeof manifest.files) => files.map((f) => [f.path, f.sha256]);
      expect(checksums(manifest.files)).toEqual(checksums(publication.manifest.files));
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});
