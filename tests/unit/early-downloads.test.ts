/**
 * The page's own early download of the published dataset (state/early-downloads.ts), run
 * as the built page runs it: the script text that hooks.server.ts writes into the head,
 * evaluated without the app's code. It must fetch what the app would fetch (the briefing's
 * recent years, by the app's own selection), skip browsers with a workspace of their own,
 * and hand every response over once.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { injectEarlyDownloads } from '../../src/hooks.server';
import type { DatasetManifest } from '../../src/lib/data/publish';
import { recentFromYear, selectFiles } from '../../src/lib/data/published';
import {
  OWN_WORKSPACE_KEY,
  rememberOwnWorkspace,
  takeEarly,
} from '../../src/lib/state/early-downloads';

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

  it('answer "not there" when the host has no published dataset', async () => {
    served = null;
    await runPage('/wijkradar/briefing', '.');
    expect(fetched).toEqual([`${ORIGIN}/wijkradar/dataset/manifest.json`]);
    expect(await takeEarly('./dataset/manifest.json')).toBeNull();
  });
});
