/**
 * A region of two municipalities for the region server's tests: gemeente A (GM0001) is the
 * demo municipality Donderdeel as it is, gemeente B (GM0002) the same demo without its
 * records of January to June, so the two differ in every count. Each is published as the
 * app publishes, merged by publish:region, and kept open in DuckDB-WASM (the browser's
 * engine) as the direct connection the server's answers are compared with.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Connector } from '../../src/lib/data/connector';
import { buildPublication } from '../../src/lib/data/publish';
import { RECORD_TABLES, RECORD_TIME_COLUMN, TABLE_NAMES, TABLES } from '../../src/lib/data/schema';
import { writePublication } from '../../scripts/lib/publish-files';
import { publishRegion, type RegionSummary } from '../../scripts/lib/region-publish';
import { loadDemoInNode } from './demo-node';

export const GEMEENTE_A = 'GM0001';
export const GEMEENTE_B = 'GM0002';

export interface RegionFixture {
  dir: string;
  a: Connector;
  b: Connector;
  summary: RegionSummary;
}

export async function buildRegionFixture(): Promise<RegionFixture> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wijkradar-region-'));
  const a = await loadDemoInNode();
  const b = await loadDemoInNode();
  for (const table of RECORD_TABLES) {
    await b.exec(`DELETE FROM ${table} WHERE month(${RECORD_TIME_COLUMN[table]}) <= 6`);
  }
  // Two gemeenten of one demo: each gets its own code, in its data as in the region.
  for (const [conn, code] of [
    [a, GEMEENTE_A],
    [b, GEMEENTE_B],
  ] as const) {
    for (const table of TABLE_NAMES.filter((t) => TABLES[t].some((c) => c.name === 'gemeente'))) {
      await conn.exec(`UPDATE ${table} SET gemeente = '${code}'`);
    }
  }
  const now = new Date('2026-12-01T10:00:00Z');
  await writePublication(await buildPublication(a, { version: 'A', now }), path.join(dir, 'a'));
  await writePublication(await buildPublication(b, { version: 'B', now }), path.join(dir, 'b'));
  const summary = await publishRegion(
    [
      { path: path.join(dir, 'a'), gemeente: GEMEENTE_A },
      { path: path.join(dir, 'b'), gemeente: GEMEENTE_B },
    ],
    path.join(dir, 'region'),
  );
  return { dir, a, b, summary };
}
