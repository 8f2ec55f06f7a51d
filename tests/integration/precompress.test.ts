/**
 * The build ships gzip copies of its large files (scripts/lib/precompress.js) and the test
 * server serves them as nginx's `gzip_static` does: only to browsers that accept gzip, with
 * the original's type, and decoding to exactly the original bytes.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../scripts/lib/precompress.js';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';

let dir: string;
let server: StaticServer;
const wasm = new Uint8Array(200_000).map((_, i) => (i * 7) % 13);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'precompress-'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(path.join(dir, 'engine.wasm'), wasm);
  await writeFile(path.join(dir, 'photo.png'), wasm);
  server = await startStaticServer(dir, '/wijkradar');
});
afterAll(async () => {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('precompressed build files', () => {
  it('writes a gzip copy of large compressible files only', async () => {
    expect(await precompress(dir)).toBe(1);
    const gz = await readFile(path.join(dir, 'engine.wasm.gz'));
    expect(gz.length).toBeLessThan(wasm.length / 10);
    expect(new Uint8Array(gunzipSync(gz))).toEqual(wasm);
    await expect(readFile(path.join(dir, 'index.html.gz'))).rejects.toThrow(); // under 1 KB
    await expect(readFile(path.join(dir, 'photo.png.gz'))).rejects.toThrow(); // not compressible
  });

  it('are served gzip-encoded to a browser that accepts it, and plain otherwise', async () => {
    const url = `${server.url}/engine.wasm`;
    const zipped = await fetch(url, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await zipped.arrayBuffer())).toEqual(wasm); // fetch decodes
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(new Uint8Array(await plain.arrayBuffer())).toEqual(wasm);
  });
});
