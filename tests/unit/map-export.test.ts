/**
 * Map exports (analysis/map-export.ts): GeoJSON a GIS reads (closed WGS84 rings, Dutch
 * property names, the layer's name), CSV a Dutch spreadsheet reads, and no count 1–4 that
 * an analyst could get back — not from the file's own sum (the screen shows a total), not
 * from a rate beside it. The attacker (tests/helpers/disclosure.ts) is written apart from
 * the suppression code on purpose.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { AreaRate } from '../../src/lib/analysis/area-rates';
import {
  areaCsv,
  areaGeoJson,
  emergingCsv,
  emergingGeoJson,
  hotspotCsv,
  hotspotGeoJson,
  protectCounts,
  type HotspotExportCell,
} from '../../src/lib/analysis/map-export';
import { findRecoveries, readCsv } from '../helpers/disclosure';

const meta = { title: 'Hotspots (Gi*)', filter: 'Alle thema’s, 2025', made: '2026-12-07T10:00' };

/** A hexagon-like ring around a point, open (as the map layers hold it). */
const cellAt = (q: number, r: number, count: number, klass: HotspotExportCell['klass']) => ({
  q,
  r,
  count,
  klass,
  polygon: [0, 1, 2, 3, 4, 5].map((k) => {
    const a = (Math.PI / 3) * k;
    return [5.3 + q * 0.002 + 0.001 * Math.cos(a), 51.6 + r * 0.002 + 0.001 * Math.sin(a)] as [
      number,
      number,
    ];
  }),
});

/** What an attacker sees: the written counts, with their sum taken as known. */
function published(texts: readonly string[], total: number) {
  const cells = new Map(texts.map((t, i) => [`c${i}`, t]));
  cells.set('total', String(total));
  return { cells, margins: [{ totals: ['total'], parts: texts.map((_, i) => `c${i}`) }] };
}

describe('protectCounts', () => {
  it('hides 1–4, and one more cell when the sum would give a lone hidden count back', () => {
    expect(protectCounts([1, 10, 20]).map((c) => c.text)).toEqual(['<5', 'x', '20']);
    expect(protectCounts([0, 7, 9]).map((c) => c.value)).toEqual([0, 7, 9]);
    // Two hidden cells of 1 each with a known sum: 2 = 1 + 1 gives both back.
    const pair = protectCounts([1, 1, 30, 40]).map((c) => c.text);
    expect(pair.filter((t) => t === 'x')).toHaveLength(1);
  });

  it('leaves no count recoverable from the known sum, on random sparse grids', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 1;
    for (let run = 0; run < 300; run++) {
      const n = 2 + Math.floor(random() * 30);
      const counts = Array.from({ length: n }, () =>
        random() < 0.5 ? Math.floor(random() * 5) : Math.floor(random() * 40),
      );
      const total = counts.reduce((s, v) => s + v, 0);
      // A sum below 5 is itself a small count: no cell split can hide what it says.
      if (total < 5) continue;
      const texts = protectCounts(counts).map((c) => c.text);
      expect(findRecoveries(published(texts, total)), `${counts}`).toEqual([]);
    }
  });
});

describe('hotspot export', () => {
  const cells = [cellAt(0, 0, 40, 3), cellAt(1, 0, 3, 2), cellAt(0, 1, 12, 0), cellAt(2, 2, 9, -1)];

  it('writes a FeatureCollection QGIS reads: closed lon/lat rings, class in words, no z', () => {
    const fc = JSON.parse(JSON.stringify(hotspotGeoJson(cells, meta))) as FeatureCollection & {
      name: string;
      wijkradar: Record<string, string>;
    };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.name).toBe('Hotspots (Gi*)');
    expect(fc.wijkradar.filter).toBe('Alle thema’s, 2025');
    expect(fc.features).toHaveLength(4);
    for (const f of fc.features) {
      const ring = (f.geometry as Polygon).coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const [lon, lat] of ring) {
        expect(lon).toBeGreaterThan(3);
        expect(lon).toBeLessThan(8);
        expect(lat).toBeGreaterThan(50);
        expect(lat).toBeLessThan(54);
      }
      expect(f.properties).not.toHaveProperty('z');
    }
    expect(fc.features[0].properties).toMatchObject({
      cel: '0,0',
      klasse: 'Hotspot (99%)',
      soort: 'hotspot',
      betrouwbaarheid: 99,
      aantal: 40,
    });
    expect(fc.features[3].properties).toMatchObject({ soort: 'coldspot', betrouwbaarheid: 90 });
    // 3 is hidden; alone it would follow from the sum, so a second cell is kept back too.
    expect(fc.features[1].properties).toMatchObject({ aantal: null, aantal_tekst: '<5' });
    expect(fc.features.filter((f) => f.properties?.aantal_tekst === 'x')).toHaveLength(1);
  });

  it('writes a semicolon CSV with centres in decimal commas and no small count', () => {
    const rows = readCsv(hotspotCsv(cells));
    expect(rows[0]).toEqual([
      'Cel',
      'Lengtegraad (midden)',
      'Breedtegraad (midden)',
      'Klasse',
      'Aantal',
    ]);
    expect(rows).toHaveLength(5);
    expect(rows[1][1]).toMatch(/^5,30\d{4}$/);
    expect(rows[1][3]).toBe('Hotspot (99%)');
    expect(rows[2][4]).toBe('<5');
    for (const row of rows.slice(1)) expect(['1', '2', '3', '4']).not.toContain(row[4]);
  });

  it('names emerging patterns in words', () => {
    const emerging = [
      { ...cellAt(0, 0, 25, 0), category: 'nieuw-hotspot' as const },
      { ...cellAt(1, 0, 8, 0), category: 'geen-patroon' as const },
    ];
    const fc = emergingGeoJson(emerging, { ...meta, title: 'Opkomende hotspots' });
    expect(fc.features[0].properties?.patroon).toBe('Nieuwe hotspot');
    expect(readCsv(emergingCsv(emerging))[2][3]).toBe('Geen patroon');
  });
});

describe('area export', () => {
  const rate = (code: string, count: number, inhabitants: number | null): AreaRate => ({
    code,
    name: `Wijk ${code}`,
    count,
    inhabitants,
    rate: inhabitants && inhabitants >= 100 ? (count / inhabitants) * 1000 : null,
    status: inhabitants === null ? 'onbekend' : inhabitants >= 100 ? 'ok' : 'te-weinig-inwoners',
  });
  const rates = [
    rate('WK01', 120, 4000),
    rate('WK02', 2, 800),
    rate('WK03', 35, 2500),
    rate('WK04', 60, 50),
  ];
  const square = (x: number) => ({
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, 51],
        [x + 0.01, 51],
        [x + 0.01, 51.01],
        [x, 51.01],
        [x, 51],
      ],
    ],
  });
  const features: FeatureCollection = {
    type: 'FeatureCollection',
    features: rates.map((r, i) => ({
      type: 'Feature',
      geometry: square(5 + i * 0.01),
      properties: { code: r.code },
    })),
  };
  const byCode = new Map(rates.map((r) => [r.code, r]));

  it('leaves out the rate wherever the count is kept back (rate × inwoners gives it back)', () => {
    const fc = areaGeoJson(features, byCode, { ...meta, title: 'Wijken' });
    const props = fc.features.map((f) => f.properties!);
    expect(props[0]).toMatchObject({
      code: 'WK01',
      naam: 'Wijk WK01',
      aantal: 120,
      inwoners: 4000,
    });
    expect(props[0].per_1000_inwoners).toBe(30);
    expect(props[1]).toMatchObject({ aantal: null, aantal_tekst: '<5', per_1000_inwoners: null });
    // The complement chosen for the sum (35, the smallest shown) loses its rate as well.
    expect(props[2]).toMatchObject({ aantal: null, aantal_tekst: 'x', per_1000_inwoners: null });
    expect(props[3]).toMatchObject({ aantal: 60, per_1000_inwoners: null });
    expect(props[3].toelichting).toBe('minder dan 100 inwoners');
    for (const p of props) {
      if (p.per_1000_inwoners !== null)
        expect(p.aantal).toBe(Math.round((p.per_1000_inwoners * p.inwoners) / 1000));
    }
  });

  it('writes the same in the CSV', () => {
    const rows = readCsv(areaCsv(rates));
    expect(rows[0]).toEqual([
      'Code',
      'Naam',
      'Aantal',
      'Inwoners',
      'Per 1.000 inwoners',
      'Toelichting',
    ]);
    expect(rows[1]).toEqual(['WK01', 'Wijk WK01', '120', '4000', '30,0', '']);
    expect(rows[2].slice(2, 5)).toEqual(['<5', '800', '']);
    expect(rows[3][2]).toBe('x');
  });
});
