/**
 * Which engine a publication needs (data/region-manifest.ts): the server a region's
 * manifest names, resolved as the browser would, and the Dutch refusal of a publication
 * too large for a browser tab.
 */
import { describe, expect, it } from 'vitest';
import type { DatasetManifest } from '../../src/lib/data/publish';
import {
  BROWSER_RECORD_LIMIT,
  checkFitsBrowser,
  manifestServer,
  recordRows,
} from '../../src/lib/data/region-manifest';

const manifest = (tables: Record<string, number>, server?: unknown) =>
  ({ tables, files: [], server }) as unknown as DatasetManifest;

describe('region manifest', () => {
  it('resolves the server against the manifest’s address', () => {
    const at = 'https://intranet.example/wijkradar/dataset/manifest.json';
    expect(manifestServer(manifest({}, 'query'), at)).toBe(
      'https://intranet.example/wijkradar/dataset/query',
    );
    expect(manifestServer(manifest({}, '/regio/query'), at)).toBe(
      'https://intranet.example/regio/query',
    );
    expect(manifestServer(manifest({}, 'https://regio.example/query'), at)).toBe(
      'https://regio.example/query',
    );
    for (const bad of [undefined, '', '  ', 42, 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(manifestServer(manifest({}, bad), at), String(bad)).toBeNull();
    }
  });

  it('counts the records of incidents, meldingen and visits only', () => {
    expect(recordRows(manifest({ incidents: 5, meldingen: 7, visits: 1, areas: 99 }))).toBe(13);
  });

  it('refuses a publication above ten million records in Dutch, before any download', () => {
    expect(() => checkFitsBrowser(manifest({ incidents: BROWSER_RECORD_LIMIT }))).not.toThrow();
    expect(() =>
      checkFitsBrowser(manifest({ incidents: 8_000_000, meldingen: 3_000_000 })),
    ).toThrow(/11\.000\.000 records; een browser kan er ongeveer 10\.000\.000 aan.*regioserver/);
  });
});
