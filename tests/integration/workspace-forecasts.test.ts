/**
 * The briefings' stored forecasts travel with the workspace file (issue 23, "forecasts
 * that are scored"): a workspace moved to another computer keeps scoring what its
 * briefings actually forecast, and the other computer's own forecasts stay as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import {
  ALL_FORECAST_DATES,
  createMemoryForecastStore,
  mergeForecasts,
  type StoredForecast,
} from '../../src/lib/data/forecast-store';
import { takeSnapshot } from '../../src/lib/data/snapshot';
import { decodeWorkspace, encodeWorkspace } from '../../src/lib/data/workspace-file';
import { loadDemoInNode } from '../helpers/demo-node';

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(async () => conn.close());

const forecast = (date: string, dagdeel: string, q: number): StoredForecast => ({
  date,
  dagdeel,
  size: 250,
  cells: [
    { q, r: 3 },
    { q: q + 1, r: -2 },
  ],
  data: 'Jan Jansen, 06-12345678',
  weeks: 8,
  storedAt: `${date}T06:00:00.000Z`,
});

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const body = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(body).arrayBuffer());
}
async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const body = new Blob([bytes as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(body).arrayBuffer());
}

/** The file with its header JSON rewritten by `edit` (table bytes and checksums kept). */
async function withHeader(file: Uint8Array, edit: (header: Record<string, unknown>) => void) {
  const raw = await gunzip(file);
  const magic = 'WIJKRADAR-WS1\n'.length;
  const length = new DataView(raw.buffer, raw.byteOffset).getUint32(magic, true);
  const header = JSON.parse(new TextDecoder().decode(raw.subarray(magic + 4, magic + 4 + length)));
  edit(header);
  const json = new TextEncoder().encode(JSON.stringify(header));
  const out = new Uint8Array(magic + 4 + json.length + raw.length - (magic + 4 + length));
  out.set(raw.subarray(0, magic), 0);
  new DataView(out.buffer).setUint32(magic, json.length, true);
  out.set(json, magic + 4);
  out.set(raw.subarray(magic + 4 + length), magic + 4 + json.length);
  return gzip(out);
}

describe('forecasts in the workspace file', () => {
  it('come back as they were stored, beside the tables', async () => {
    const stored = [forecast('2026-11-30', 'avond', 4), forecast('2026-12-01', 'nacht', -7)];
    const file = await encodeWorkspace(await takeSnapshot(conn), stored);
    const content = await decodeWorkspace(file);
    // The free-text label of the data is not taken over from a file (nothing shows it).
    expect(content.forecasts).toEqual(stored.map((f) => ({ ...f, data: '' })));
    expect(content.tables.size).toBeGreaterThan(0);
  });

  it('are none in a file written before they travelled, and foreign entries are left out', async () => {
    const file = await encodeWorkspace(await takeSnapshot(conn), [
      forecast('2026-11-30', 'avond', 4),
    ]);
    const old = await withHeader(file, (header) => delete header.forecasts);
    expect((await decodeWorkspace(old)).forecasts).toEqual([]);
    const foreign = await withHeader(file, (header) => {
      header.forecasts = [
        { date: 'gisteren', dagdeel: 'avond', size: 250, cells: [] },
        { date: '2026-11-29', dagdeel: 'ochtend', size: 250, cells: [{ q: 'x', r: 1 }] },
        ...(header.forecasts as unknown[]),
      ];
    });
    expect((await decodeWorkspace(foreign)).forecasts).toEqual([
      { ...forecast('2026-11-30', 'avond', 4), data: '' },
    ]);
  });
});

describe('mergeForecasts', () => {
  it("adds the file's forecasts and keeps this browser's own for the same briefing", async () => {
    const store = createMemoryForecastStore();
    const own = forecast('2026-11-30', 'avond', 1);
    await store.save(own);
    const added = await mergeForecasts(store, [
      forecast('2026-11-30', 'avond', 9),
      forecast('2026-11-30', 'nacht', 2),
      forecast('2026-11-23', 'avond', 5),
    ]);
    expect(added).toBe(2);
    const all = await store.list(...ALL_FORECAST_DATES);
    expect(all.map((f) => `${f.date} ${f.dagdeel} ${f.cells[0].q}`)).toEqual([
      '2026-11-23 avond 5',
      '2026-11-30 avond 1',
      '2026-11-30 nacht 2',
    ]);
  });
});
