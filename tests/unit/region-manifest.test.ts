/**
 * Which engine a publication needs (data/region-manifest.ts): the server a region's
 * manifest names, resolved as the browser would, the refusal of a server on another origin
 * than the app's (unless the build allows it), and the Dutch refusal of a publication too
 * large for a browser tab.
 */
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/lib/data/dataset-files';
import type { DatasetManifest } from '../../src/lib/data/publish';
import {
  BROWSER_RECORD_LIMIT,
  checkFitsBrowser,
  crossOriginMessage,
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
    expect(manifestServer(manifest({}, 'https://intranet.example/regio/query'), at, [])).toBe(
      'https://intranet.example/regio/query',
    );
    for (const bad of [undefined, '', '  ', 42, 'javascript:alert(1)', 'file:///etc/passwd']) {
      expect(manifestServer(manifest({}, bad), at, []), String(bad)).toBeNull();
    }
  });

  it('refuses a server on another origin than the app’s, with what to do, in Dutch', () => {
    const at = 'https://intranet.example/wijkradar/dataset/manifest.json';
    for (const other of [
      'https://regio.example/query',
      'http://intranet.example/wijkradar/dataset/query', // another scheme
      'https://intranet.example:8443/query', // another port
      '//regio.example/query', // scheme-relative
    ]) {
      expect(() => manifestServer(manifest({}, other), at, []), other).toThrow(DatasetError);
    }
    expect(() => manifestServer(manifest({}, 'https://regio.example/query'), at, [])).toThrow(
      crossOriginMessage('https://regio.example', 'https://intranet.example'),
    );
    const message = crossOriginMessage('https://regio.example', 'https://intranet.example');
    expect(message).toMatch(/^Deze publicatie noemt een regioserver op een ander adres/);
    expect(message).toContain('er is niets opgevraagd of gewijzigd');
    expect(message).toContain('WIJKRADAR_REGION_ORIGINS=https://regio.example');
  });

  it('accepts a server on another origin only when the build names exactly that origin', () => {
    const at = 'https://intranet.example/wijkradar/dataset/manifest.json';
    const allowed = ['https://regio.example'];
    expect(manifestServer(manifest({}, 'https://regio.example/query'), at, allowed)).toBe(
      'https://regio.example/query',
    );
    expect(() =>
      manifestServer(manifest({}, 'https://regio.example:444/query'), at, allowed),
    ).toThrow(DatasetError);
    expect(() => manifestServer(manifest({}, 'https://andere.example/query'), at, allowed)).toThrow(
      DatasetError,
    );
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
