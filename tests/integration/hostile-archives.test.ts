/**
 * Compression bombs (issue 27, item 11): a workspace or a zipped Shapefile that expands far
 * beyond what it declares is refused within a second, with a Dutch message that states the
 * limit, without ever holding the expanded bytes. Fixtures: tests/fixtures/import/hostile
 * (make-bomb-fixtures.ts; 512 MiB of zeros each).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readShapefileZip } from '../../src/lib/data/import/area-shapefile';
import { decodeWorkspace } from '../../src/lib/data/workspace-file';

const HOSTILE = path.resolve(import.meta.dirname, '../fixtures/import/hostile');
const EXPANDED = 512 * 1024 * 1024;
const fixture = async (name: string) => new Uint8Array(await readFile(path.join(HOSTILE, name)));

/** The error `work` ends with, how long it took, and the most memory in buffers meanwhile. */
async function measure(work: () => Promise<unknown>) {
  const base = process.memoryUsage().arrayBuffers;
  let peak = base;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  }, 1);
  const started = performance.now();
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  return { error: error as Error | null, ms, grewBytes: peak - base };
}

describe('a workspace file that is a compression bomb', () => {
  it('stops at the size its table of contents declares, within a second', async () => {
    const file = await fixture('werkruimte-bom.wijkradar');
    const { error, ms, grewBytes } = await measure(() => decodeWorkspace(file));
    expect(error?.message).toMatch(
      /^De werkruimte is beschadigd: ze pakt uit tot meer dan de 0,\d kB die haar inhoudsopgave opgeeft \(wijkradar opent werkruimtes tot 3 GB\)\. Er is niets gewijzigd\.$/,
    );
    expect(ms).toBeLessThan(1000);
    expect(grewBytes).toBeLessThan(EXPANDED / 8);
  });

  it('is refused before inflating its tables when it declares more than 3 GB', async () => {
    const header = new TextEncoder().encode(
      JSON.stringify({
        manifest: { format: 'wijkradar-snapshot', tables: { incidents: 1 }, settings: {} },
        entries: [{ table: 'incidents', offset: 0, length: 8e9, sha256: '' }],
      }),
    );
    const magic = new TextEncoder().encode('WIJKRADAR-WS1\n');
    const raw = new Uint8Array(magic.length + 4 + header.length + 1000);
    raw.set(magic);
    new DataView(raw.buffer).setUint32(magic.length, header.length, true);
    raw.set(header, magic.length + 4);
    const gzip = new Blob([raw]).stream().pipeThrough(new CompressionStream('gzip'));
    const file = new Uint8Array(await new Response(gzip).arrayBuffer());
    const { error, ms } = await measure(() => decodeWorkspace(file));
    expect(error?.message).toBe(
      'Deze werkruimte pakt uit tot meer dan 3 GB; wijkradar opent werkruimtes tot 3 GB. Er is niets gewijzigd.',
    );
    expect(ms).toBeLessThan(1000);
  });
});

describe('a zipped Shapefile that is a compression bomb', () => {
  it('stops at the size its central directory declares, within a second', async () => {
    const zip = await fixture('grenzen-bom.zip');
    const { error, ms, grewBytes } = await measure(() => readShapefileZip(zip));
    expect(error?.message).toBe(
      'Het zip-bestand is beschadigd: grenzen.shp pakt uit tot meer dan de 0,1 kB die het opgeeft (wijkradar leest zip-bestanden tot 1,5 GB uitgepakt).',
    );
    expect(ms).toBeLessThan(1000);
    expect(grewBytes).toBeLessThan(EXPANDED / 8);
  });

  it('is refused before inflating when its declared sizes pass 1.5 GB', async () => {
    const zip = await fixture('grenzen-bom.zip');
    const view = new DataView(zip.buffer, zip.byteOffset);
    const central = view.getUint32(zip.length - 6, true);
    view.setUint32(central + 24, 4_000_000_000, true); // grenzen.shp, honestly huge
    const { error, ms, grewBytes } = await measure(() => readShapefileZip(zip));
    expect(error?.message).toBe(
      'Het zip-bestand pakt uit tot meer dan 1,5 GB; wijkradar leest zip-bestanden tot 1,5 GB uitgepakt.',
    );
    expect(ms).toBeLessThan(100);
    expect(grewBytes).toBeLessThan(1024 * 1024);
  });
});
