/**
 * A published dataset's manifest decides what the browser fetches: only plain file names of
 * the dataset folder may be read, in every code path that reads a manifest's files
 * (data/dataset-files.ts). The head script's own check is in early-downloads.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { directoryReader } from '../../scripts/lib/publish-files';
import {
  checkDatasetFileName,
  DatasetError,
  isDatasetFileName,
} from '../../src/lib/data/dataset-files';
import type { DatasetFile } from '../../src/lib/data/publish';
import { parseManifest, readVerified } from '../../src/lib/data/published';
import { PublishedBriefingTables } from '../../src/lib/data/published-briefing';
import { publishedReader } from '../../src/lib/state/app/published-source';

/** What publish.ts writes. */
const PUBLISHED = [
  'manifest.json',
  'incidents-2025.arrow',
  'meldingen-2026.arrow',
  'visits-2023.arrow',
  'areas.geojson',
  'watch_locations.geojson',
  'theme_mapping.json',
];

/** Paths that leave the dataset folder, the origin or the file (query, fragment). */
const UNSAFE = [
  '../../secret.txt',
  '../index.html',
  '..',
  './areas.geojson',
  '/areas.geojson',
  'sub/areas.geojson',
  'sub\\areas.geojson',
  'https://evil.example/areas.geojson',
  '//evil.example/areas.geojson',
  'data:application/json,{}',
  'areas.geojson?x=1',
  'areas.geojson#x',
  '%2e%2e%2fsecret.json',
  'Areas.GeoJSON',
  'areas.geojson\n',
  'secret.txt',
  '',
];

const file = (path: string): DatasetFile => ({
  path,
  table: 'areas',
  year: null,
  format: 'geojson',
  rows: 0,
  bytes: 2,
  sha256: 'x',
});

const manifestBytes = (path: unknown) =>
  new TextEncoder().encode(
    JSON.stringify({
      format: 'wijkradar-dataset',
      format_version: 1,
      schema_version: 1,
      files: [{ ...file('areas.geojson'), path }],
    }),
  );

afterEach(() => vi.unstubAllGlobals());

describe('the file name rule', () => {
  it.each(PUBLISHED)('accepts %s', (name) => {
    expect(isDatasetFileName(name)).toBe(true);
    expect(checkDatasetFileName(name)).toBe(name);
  });

  it.each(UNSAFE)('refuses %j with a Dutch error naming it', (path) => {
    expect(isDatasetFileName(path)).toBe(false);
    expect(() => checkDatasetFileName(path)).toThrow(DatasetError);
    expect(() => checkDatasetFileName(path)).toThrow(
      `Het manifest noemt een ongeldige bestandsnaam: ${path}.`,
    );
  });

  it.each([null, undefined, 42, ['areas.geojson'], { path: 'areas.geojson' }])(
    'refuses a path that is no string (%j)',
    (path) => expect(isDatasetFileName(path)).toBe(false),
  );
});

describe('every code path that reads a manifest’s files', () => {
  it.each(UNSAFE)('parseManifest refuses a manifest naming %j', (path) => {
    expect(() => parseManifest(manifestBytes(path))).toThrow(
      `Het manifest noemt een ongeldige bestandsnaam: ${path}.`,
    );
  });

  it('readVerified reads nothing for a file list with such a path', async () => {
    const read = vi.fn(() => Promise.resolve(new Uint8Array(2)));
    await expect(
      readVerified({ read }, [file('areas.geojson'), file('../../secret.txt')]),
    ).rejects.toThrow('Het manifest noemt een ongeldige bestandsnaam: ../../secret.txt.');
    expect(read).not.toHaveBeenCalledWith('../../secret.txt');
  });

  it.each(UNSAFE)(
    'the app’s reader of the published dataset fetches nothing for %j',
    async (path) => {
      const fetch = vi.fn();
      vi.stubGlobal('fetch', fetch);
      vi.stubGlobal('location', new URL('https://intranet.example.nl/wijkradar/briefing'));
      await expect(publishedReader.read(path)).rejects.toBeInstanceOf(DatasetError);
      expect(fetch).not.toHaveBeenCalled();
    },
  );

  it('the app’s reader fetches a plain name from the dataset folder', async () => {
    const fetch = vi.fn((url: string) => {
      void url;
      return Promise.resolve(
        new Response('{}', { headers: { 'content-type': 'application/json' } }),
      );
    });
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('location', new URL('https://intranet.example.nl/wijkradar/briefing'));
    expect(await publishedReader.read('areas.geojson')).toEqual(new TextEncoder().encode('{}'));
    expect(fetch.mock.calls[0][0]).toMatch(/\/dataset\/areas\.geojson$/);
  });

  it('the briefing’s engine-free reader refuses such a file', () => {
    const contents = new Map([['../../secret.txt', new Uint8Array(2)]]);
    expect(
      () => new PublishedBriefingTables([{ ...file('../../secret.txt'), rows: 1 }], contents),
    ).toThrow('Het manifest noemt een ongeldige bestandsnaam: ../../secret.txt.');
  });

  it('the Node folder reader (CLI, tests) reads nothing outside its folder', async () => {
    const reader = directoryReader(import.meta.dirname);
    await expect(reader.read('../../package.json')).rejects.toBeInstanceOf(DatasetError);
    expect(await reader.read('absent.json')).toBeNull();
  });
});
