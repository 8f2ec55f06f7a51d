/**
 * The page's own early download of the published dataset (state/early-downloads.ts), run
 * as the built page runs it: the script text that hooks.server.ts writes into the head,
 * evaluated without the app's code. It must fetch what the app would fetch (the briefing's
 * recent years, by the app's own selection), skip browsers with a workspace of their own,
 * and hand every response over once.
 */
import { resolveObjectURL } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { injectEarlyDownloads } from '../../src/hooks.server';
import type { DatasetManifest } from '../../src/lib/data/publish';
import { recentFromYear, selectFiles } from '../../src/lib/data/published';
import {
  OWN_WORKSPACE_KEY,
  rememberOwnWorkspace,
  takeEarly,
  takeEarlyEngine,
} from '../../src/lib/state/shared/early-downloads';

const ORIGIN = 'https://intranet.example.nl';

function manifest(dataUntil: string | null): DatasetManifest {
  const file = (path: string, table: string, year: number | null) => ({
    path,
    table,
    year,
    format: path.endsWith('.arrow') ? 'arrow' : 'geojson',
    rows: 1,
    bytes: 1,
    sha256: 'x',
  });
  return {
    format: 'wijkradar-dataset',
    format_version: 1,
    schema_version: 1,
    version: 'test',
    published_at: '2026-11-01T00:00:00Z',
    data_until: dataUntil,
    data_from: '2023-01-01',
    municipality: 'Donderdeel',
    tables: {},
    files: [
      ...[2023, 2024, 2025, 2026].map((y) => file(`incidents-${y}.arrow`, 'incidents', y)),
      ...[2025, 2026].map((y) => file(`meldingen-${y}.arrow`, 'meldingen', y)),
      file('areas.geojson', 'areas', null),
    ],
  } as unknown as DatasetManifest;
}

/** A dedicated worker as far as the head script and takeEarlyEngine use one. */
class FakeWorker {
  static made: FakeWorker[] = [];
  posted: unknown[] = [];
  terminated = false;
  #listeners = new Map<string, Set<(event: unknown) => void>>();
  constructor(readonly url: string) {
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  addEventListener(type: string, listener: (event: unknown) => void) {
    if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
    this.#listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: (event: unknown) => void) {
    this.#listeners.get(type)?.delete(listener);
  }
  terminate() {
    this.terminated = true;
  }
  /** A message from the worker, as DuckDB-WASM's worker sends it. */
  reply(data: unknown) {
    for (const listener of [...(this.#listeners.get('message') ?? [])]) listener({ data });
  }
}

const settled = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: Error) => `rejected: ${error.message}`,
  );

let fetched: string[];
let storage: Map<string, string>;
let served: Record<string, unknown> | null;

/** The page's head script as the build writes it, run on a page at `pathname`. */
async function runPage(pathname: string, assets: string) {
  vi.stubGlobal('location', new URL(pathname, ORIGIN));
  vi.stubGlobal('document', { currentScript: { dataset: { assets } } });
  const html = injectEarlyDownloads('<script>/* wijkradar:early-downloads */</script>');
  const script = html.replace(/^<script>/, '').replace(/<\/script>$/, '');
  expect(script).not.toContain('wijkradar:early-downloads');
  new Function(script)();
  // Let the manifest's response and the follow-up requests settle.
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  fetched = [];
  storage = new Map();
  served = null;
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => storage.get(key) ?? null,
    setItem: (key: string, value: string) => storage.set(key, value),
    removeItem: (key: string) => storage.delete(key),
  });
  vi.stubGlobal('fetch', (url: string) => {
    fetched.push(url);
    const name = url.split('/').pop()!;
    const body = name === 'manifest.json' ? served : { file: name };
    const found = body !== null;
    return Promise.resolve({
      ok: found,
      headers: new Headers({ 'content-type': found ? 'application/json' : 'text/html' }),
      arrayBuffer: () =>
        Promise.resolve(new TextEncoder().encode(JSON.stringify(body)).buffer as ArrayBuffer),
    });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
  delete (globalThis as Record<string, unknown>).__wijkradarEarly;
});

describe('early downloads in the page head', () => {
  it.each([
    ['2026-10-31', 2026],
    ['2026-03-01', 2025],
    [null, undefined],
  ])(
    'fetch on the briefing what the app selects for data up to %s',
    async (dataUntil, fromYear) => {
      served = manifest(dataUntil) as unknown as Record<string, unknown>;
      await runPage('/wijkradar/briefing', '.');
      const expected = selectFiles(served as unknown as DatasetManifest, fromYear);
      expect(recentFromYear(served as unknown as DatasetManifest)).toBe(fromYear);
      expect(fetched).toEqual([
        `${ORIGIN}/wijkradar/dataset/manifest.json`,
        ...expected.map((f) => `${ORIGIN}/wijkradar/dataset/${f.path}`),
      ]);
    },
  );

  it('fetch only the manifest on other views, relative to the page (sub-path, nested route)', async () => {
    served = manifest('2026-10-31') as unknown as Record<string, unknown>;
    await runPage('/wijkradar/management/rapport', '..');
    expect(fetched).toEqual([`${ORIGIN}/wijkradar/dataset/manifest.json`]);
  });

  it('fetch nothing in a browser that opens a workspace of its own', async () => {
    served = manifest('2026-10-31') as unknown as Record<string, unknown>;
    rememberOwnWorkspace(true);
    expect(storage.get(OWN_WORKSPACE_KEY)).toBe('1');
    await runPage('/wijkradar/briefing', '.');
    expect(fetched).toEqual([]);
    rememberOwnWorkspace(false);
    await runPage('/wijkradar/briefing', '.');
    expect(fetched).toHaveLength(1 + 2 + 1);
  });

  it('hand each response to the app once; a URL the page did not fetch is the app’s to fetch', async () => {
    served = manifest('2026-10-31') as unknown as Record<string, unknown>;
    await runPage('/wijkradar/briefing', '.');
    const url = './dataset/incidents-2026.arrow';
    const first = takeEarly(url);
    expect(first).toBeDefined();
    expect(JSON.parse(new TextDecoder().decode((await first)!))).toEqual({
      file: 'incidents-2026.arrow',
    });
    expect(takeEarly(url)).toBeUndefined();
    expect(takeEarly('./dataset/incidents-2024.arrow')).toBeUndefined();
  });

  it.each([
    '../../secret.txt',
    '/secret.arrow',
    'https://evil.example/incidents-2026.arrow',
    '//evil.example/incidents-2026.arrow',
    'incidents-2026.arrow?x=1',
    'sub/incidents-2026.arrow',
  ])('fetch no file of a manifest that names %j, only the manifest', async (path) => {
    const unsafe = manifest('2026-10-31');
    unsafe.files.push({ ...unsafe.files[0], path, year: 2026 });
    served = unsafe as unknown as Record<string, unknown>;
    await runPage('/wijkradar/briefing', '.');
    expect(fetched).toEqual([`${ORIGIN}/wijkradar/dataset/manifest.json`]);
  });

  it('answer "not there" when the host has no published dataset', async () => {
    served = null;
    await runPage('/wijkradar/briefing', '.');
    expect(fetched).toEqual([`${ORIGIN}/wijkradar/dataset/manifest.json`]);
    expect(await takeEarly('./dataset/manifest.json')).toBeNull();
  });
});

describe('the engine started in the page head', () => {
  const WASM = /^https:\/\/intranet\.example\.nl\/wijkradar\/.*duckdb-eh\.wasm$/;

  it('starts one engine worker on a view, instantiating the module the app uses, relative to the page', async () => {
    await runPage('/wijkradar/management/rapport', '..');
    expect(FakeWorker.made).toHaveLength(1);
    const [worker] = FakeWorker.made;
    // The app's own worker script (data/engine-worker.ts), loading DuckDB-WASM's.
    const source = await resolveObjectURL(worker.url)!.text();
    const script = source.match(/\)\((".*")\);$/)![1];
    expect(source).toContain('unhandledrejection');
    expect(JSON.parse(script)).toMatch(
      /^https:\/\/intranet\.example\.nl\/wijkradar\/.*duckdb-browser-eh\.worker\.js$/,
    );
    expect(worker.posted).toEqual([
      { messageId: -1, type: 'INSTANTIATE', data: [expect.stringMatching(WASM), null] },
    ]);
    // The app names its module as the bundle does, relative to the document.
    const wasm = (worker.posted[0] as { data: [string] }).data[0];
    const appUrl = new URL(wasm).pathname.replace('/wijkradar/', '../');
    const engine = takeEarlyEngine(appUrl);
    expect(engine?.worker).toBe(worker);
    expect(takeEarlyEngine(appUrl)).toBeUndefined(); // adopted once
    // Ready on the worker's answer to that request, not on progress or other answers.
    const ready = settled(engine!.ready);
    worker.reply({ requestId: -1, type: 'INSTANTIATE_PROGRESS', data: {} });
    worker.reply({ requestId: 0, type: 'OK', data: null });
    worker.reply({ requestId: -1, type: 'OK', data: null });
    expect(await ready).toBe('resolved');
  });

  it('reports a failed instantiation, so that the app starts the engine itself', async () => {
    await runPage('/wijkradar/verkennen', '.');
    const [worker] = FakeWorker.made;
    const wasm = (worker.posted[0] as { data: [string] }).data[0];
    const ready = settled(takeEarlyEngine(wasm)!.ready);
    worker.reply({ requestId: -1, type: 'ERROR', data: { message: 'geen WebAssembly' } });
    expect(await ready).toBe('rejected: geen WebAssembly');
  });

  it('stops its worker when the app chose another module', async () => {
    await runPage('/wijkradar/verkennen', '.');
    expect(takeEarlyEngine('./_app/immutable/assets/duckdb-mvp.abc.wasm')).toBeUndefined();
    expect(FakeWorker.made[0].terminated).toBe(true);
  });

  it('starts no engine on the briefing (drawn from the files first), but does with a workspace of its own', async () => {
    await runPage('/wijkradar/briefing', '.');
    expect(FakeWorker.made).toEqual([]);
    fetched.length = 0;
    rememberOwnWorkspace(true);
    await runPage('/wijkradar/', '.');
    expect(FakeWorker.made).toHaveLength(1);
    expect(fetched).toEqual([]);
  });
});
