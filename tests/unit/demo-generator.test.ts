/**
 * The demo municipality Donderdeel: deterministic files, consistent counts, a geography that
 * tiles, valid timestamps, and planted patterns that are really in the records as truth.json
 * says. The checks read the written files with their own small parsers and geometry, so
 * they test what the app will import, not the generator's internal state.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatLocalTimestamp,
  isInAutumnOverlap,
  isInSpringGap,
  localToUtc,
  utcToLocal,
} from '../../src/lib/analysis/local-time';
import { wgs84ToRd } from '../../src/lib/analysis/rd';
import { OUTCOMES, THEMES, themeForCategory, VISIT_KINDS } from '../../src/lib/data/themes';
import { DEMO_FILES, generateDemo } from '../../scripts/demo/generate';
import { writeScaledIncidents } from '../../scripts/demo/scaled';
import { createStampFormatter } from '../../scripts/demo/timestamps';

const DATA = path.resolve(import.meta.dirname, '../../data');
const HOUR = 3_600_000;
type Row = Record<string, string>;
type Ring = number[][];
interface Feature {
  properties: Record<string, string | number | null>;
  geometry: { type: string; coordinates: unknown };
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Pattern = Record<string, any>;

let tmp: string;
const read = (dir: string, name: string) => readFile(path.join(dir, name));
const text = async (name: string) => (await read(DATA, name)).toString('utf8');
const features = async (name: string): Promise<Feature[]> => JSON.parse(await text(name)).features;

function parseCsv(body: string): { header: string[]; rows: Row[] } {
  const lines = body.slice(0, -1).split('\n');
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new Error(`wrong number of fields: ${line}`);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
  return { header, rows };
}

/** 'YYYY-MM-DD HH:MM:SS' → local epoch ms (wall clock encoded as UTC). */
function localMs(stamp: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(stamp);
  if (!m) throw new Error(`not a timestamp: "${stamp}"`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Round-tripping rejects impossible readings such as 2025-02-30 or 25:00.
  if (formatLocalTimestamp(ms) !== stamp) throw new Error(`impossible timestamp: "${stamp}"`);
  return ms;
}

function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const multiPolygon = (f: Feature) => f.geometry.coordinates as Ring[][];
const inFeature = (f: Feature, lon: number, lat: number) =>
  multiPolygon(f).some(
    (poly) => inRing(lon, lat, poly[0]) && !poly.slice(1).some((h) => inRing(lon, lat, h)),
  );
const ringArea = (ring: Ring) => {
  const rd = ring.map(([lon, lat]) => wgs84ToRd(lon, lat));
  let a = 0;
  for (let i = 0; i < rd.length - 1; i++) a += rd[i][0] * rd[i + 1][1] - rd[i + 1][0] * rd[i][1];
  return a / 2;
};
const featureArea = (f: Feature) =>
  multiPolygon(f).reduce((s, poly) => s + poly.reduce((t, ring) => t + ringArea(ring), 0), 0);

interface Ev {
  table: string;
  local: number;
  category: string;
  theme: string;
  x: number;
  y: number;
  wijk: string;
}
let truth: Pattern;
let incidents: Row[];
let meldingen: Row[];
let visits: Row[];
let events: Ev[];
let wijken: Feature[];
const wijkOf = (lon: number, lat: number) =>
  String(wijken.find((w) => inFeature(w, lon, lat))?.properties.wijkcode ?? '');

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'donderdeel-'));
  truth = JSON.parse(await text('truth.json'));
  wijken = await features('wijken.geojson');
  incidents = parseCsv(await text('incidents.csv')).rows;
  meldingen = parseCsv(await text('meldingen.csv')).rows;
  visits = parseCsv(await text('visits.csv')).rows;
  const ev = (table: string, r: Row, time: string, category: string, theme: string): Ev => {
    const [x, y] = wgs84ToRd(Number(r.lon), Number(r.lat));
    return {
      table,
      local: localMs(time),
      category,
      theme,
      x,
      y,
      wijk: wijkOf(Number(r.lon), Number(r.lat)),
    };
  };
  // Incidents first, in file order: events[i] belongs to incidents[i].
  events = [
    ...incidents.map((r) => ev('incidents', r, r.occurred_from, r.category, r.theme)),
    ...meldingen.map((r) =>
      ev(
        'meldingen',
        r,
        r.happened_from || r.reported_at,
        r.sub_category,
        themeForCategory(r.main_category, r.sub_category),
      ),
    ),
  ];
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('determinism', () => {
  it('regenerates the committed data/ byte for byte, and again the same', async () => {
    for (const dir of ['a', 'b']) {
      await generateDemo({ outDir: path.join(tmp, dir) });
      for (const name of DEMO_FILES) {
        expect((await read(path.join(tmp, dir), name)).equals(await read(DATA, name)), name).toBe(
          true,
        );
      }
    }
  });

  it('another seed gives other records but the same municipality', async () => {
    await generateDemo({ seed: 7, outDir: path.join(tmp, 'seed7') });
    for (const name of [
      'incidents.csv',
      'meldingen.csv',
      'visits.csv',
      'buildings.geojson',
      'truth.json',
    ]) {
      expect((await read(path.join(tmp, 'seed7'), name)).equals(await read(DATA, name)), name).toBe(
        false,
      );
    }
    expect(
      (await read(path.join(tmp, 'seed7'), 'buurten.geojson')).equals(
        await read(DATA, 'buurten.geojson'),
      ),
    ).toBe(true);
  });

  it('the scaled writer reproduces the demo incidents at 15,000 rows and hits any row count', async () => {
    const demoSize = await writeScaledIncidents(15_000, truth.seed, path.join(tmp, 's15k'));
    expect((await readFile(demoSize)).equals(await read(DATA, 'incidents.csv'))).toBe(true);
    const file = await writeScaledIncidents(23_457, truth.seed, path.join(tmp, 's23k'));
    const { header, rows } = parseCsv(await readFile(file, 'utf8'));
    expect(header.join(',')).toBe(
      'id,occurred_from,occurred_to,theme,category,outcome,source,lon,lat',
    );
    expect(rows.length).toBe(23_457);
    expect(rows.at(-1)!.id).toBe('I023457');
  });

  it('prints timestamps exactly as formatLocalTimestamp, also around DST changes', () => {
    const stamp = createStampFormatter();
    for (const start of [
      Date.UTC(2025, 2, 29, 20),
      Date.UTC(2025, 9, 25, 20),
      Date.UTC(2026, 0, 1),
    ]) {
      for (let t = start; t < start + 30 * HOUR; t += 7 * 60_000 + 13_000) {
        expect(stamp(t)).toBe(formatLocalTimestamp(utcToLocal(t)));
      }
    }
  });
});

describe('files and counts', () => {
  it('writes plain UTF-8 CSV with the documented headers', async () => {
    const headers = {
      'incidents.csv': 'id,occurred_from,occurred_to,theme,category,outcome,source,lon,lat',
      'meldingen.csv':
        'id,reported_at,happened_from,happened_to,main_category,sub_category,status,closed_at,source,lon,lat',
      'visits.csv': 'id,started_at,ended_at,kind,theme,target,outcome,lon,lat',
    };
    for (const [name, header] of Object.entries(headers)) {
      const body = await text(name);
      expect(body.startsWith(header + '\n'), name).toBe(true);
      expect(
        body.endsWith('\n') &&
          !body.includes('\r') &&
          !body.includes('"') &&
          body.charCodeAt(0) !== 0xfeff,
      ).toBe(true);
    }
    for (const name of DEMO_FILES)
      expect((await read(DATA, name)).length, name).toBeLessThan(5_000_000);
  });

  it('row and feature counts equal the truth file', async () => {
    const c = truth.counts;
    expect([incidents.length, meldingen.length, visits.length]).toEqual([
      c.incidents,
      c.meldingen,
      c.visits,
    ]);
    const buildings = await features('buildings.geojson');
    expect(buildings.length).toBe(c.buildings);
    const vacant = buildings.filter((b) => b.properties.status === 'leegstaand');
    expect(vacant.length).toBe(c.buildings_vacant);
    expect(vacant.length).toBeGreaterThanOrEqual(8);
    expect(vacant.length).toBeLessThanOrEqual(12);
    expect(vacant.every((b) => /^\d{4}-\d{2}-\d{2}$/.test(String(b.properties.vacant_since)))).toBe(
      true,
    );
    expect((await features('watch_locations.geojson')).length).toBe(c.watch_locations);
    expect((await features('interventions.geojson')).length).toBe(c.interventions);
    expect(wijken.length).toBe(c.wijken);
    expect((await features('buurten.geojson')).length).toBe(c.buurten);
    expect(c.wijken).toBeGreaterThanOrEqual(6);
    expect(c.buurten).toBeGreaterThanOrEqual(20);
  });

  it('areas carry CBS codes and inhabitants that add up', async () => {
    const [gemeente] = await features('gemeente.geojson');
    const buurten = await features('buurten.geojson');
    const known = (f: Feature) => Math.max(0, Number(f.properties.aantal_inwoners));
    expect(buurten.reduce((s, b) => s + known(b), 0)).toBe(gemeente.properties.aantal_inwoners);
    for (const w of wijken) {
      const own = buurten.filter((b) => b.properties.wijkcode === w.properties.wijkcode);
      expect(own.reduce((s, b) => s + known(b), 0)).toBe(w.properties.aantal_inwoners);
      for (const b of own)
        expect(String(b.properties.buurtcode).slice(2, 8)).toBe(
          String(w.properties.wijkcode).slice(2),
        );
    }
    expect(buurten.some((b) => /[A-Z]/.test(String(b.properties.buurtcode).slice(2)))).toBe(true);
    expect(buurten.some((b) => Number(b.properties.aantal_inwoners) <= -99990)).toBe(true);
    for (const f of [gemeente, ...wijken, ...buurten]) expect(f.geometry.type).toBe('MultiPolygon');
  });
});

describe('geography', () => {
  it('every record point lies inside the gemeente', async () => {
    const [gemeente] = await features('gemeente.geojson');
    const outside = [...incidents, ...meldingen, ...visits].filter(
      (r) => !inFeature(gemeente, Number(r.lon), Number(r.lat)),
    );
    expect(outside.map((r) => r.id)).toEqual([]);
  });

  it('buurten tile the gemeente: areas add up and every point lies in exactly one buurt', async () => {
    const [gemeente] = await features('gemeente.geojson');
    const buurten = await features('buurten.geojson');
    const total = buurten.reduce((s, b) => s + featureArea(b), 0);
    expect(Math.abs(total / featureArea(gemeente) - 1)).toBeLessThan(0.001);
    for (const w of wijken) {
      const own = buurten.filter((b) => b.properties.wijkcode === w.properties.wijkcode);
      expect(
        Math.abs(own.reduce((s, b) => s + featureArea(b), 0) / featureArea(w) - 1),
      ).toBeLessThan(0.001);
    }
    const outer = multiPolygon(gemeente)[0][0];
    const [lons, lats] = [outer.map((p) => p[0]), outer.map((p) => p[1])];
    const [west, east, south, north] = [
      Math.min(...lons),
      Math.max(...lons),
      Math.min(...lats),
      Math.max(...lats),
    ];
    for (let i = 0; i <= 60; i++) {
      for (let j = 0; j <= 60; j++) {
        const lon = west + ((east - west) * (i + 0.37)) / 61;
        const lat = south + ((north - south) * (j + 0.61)) / 61;
        const hits = buurten.filter((b) => inFeature(b, lon, lat)).length;
        expect(hits, `${lon},${lat}`).toBe(inFeature(gemeente, lon, lat) ? 1 : 0);
      }
    }
  });

  it('the buitengebied has the town as a hole, and holds all farm buildings', async () => {
    const rural = wijken.find((w) => w.properties.wijknaam === 'Buitengebied')!;
    expect(multiPolygon(rural)[0].length).toBe(2);
    for (const b of await features('buildings.geojson')) {
      const [lon, lat] = b.geometry.coordinates as number[];
      expect(inFeature(rural, lon, lat), String(b.properties.id)).toBe(true);
    }
  });
});

describe('time', () => {
  const from = () => localMs(`${truth.period.from} 00:00:00`);
  const to = () => localMs(`${truth.period.to} 23:59:59`);

  it('timestamps parse, lie in the period and never in a spring DST gap', () => {
    const [first, last] = [from(), to()];
    const fields = [
      'occurred_from',
      'occurred_to',
      'reported_at',
      'happened_from',
      'happened_to',
      'closed_at',
      'started_at',
      'ended_at',
    ];
    const bad: string[] = [];
    let overlap = 0;
    for (const r of [...incidents, ...meldingen, ...visits]) {
      for (const f of fields) {
        if (!r[f]) continue;
        const t = localMs(r[f]);
        if (t < first || t > last || isInSpringGap(t)) bad.push(`${r.id} ${f} ${r[f]}`);
        if (isInAutumnOverlap(t)) overlap++;
      }
    }
    expect(bad).toEqual([]);
    expect(overlap).toBeGreaterThan(0);
  });

  it('windows run from ≤ to ≤ reported, for about 30% of meldingen', () => {
    const utc = (s: string) => localToUtc(localMs(s));
    const bad = meldingen.filter((r) => {
      const closed = r.status === 'afgehandeld' || r.status === 'geannuleerd';
      if (Boolean(r.closed_at) !== closed || Boolean(r.happened_from) !== Boolean(r.happened_to))
        return true;
      if (closed && utc(r.closed_at) < utc(r.reported_at)) return true;
      if (!r.happened_from) return false;
      const [a, b, c] = [r.happened_from, r.happened_to, r.reported_at].map(utc);
      return !(a <= b && b <= c && b - a <= 72 * HOUR);
    });
    expect(bad.map((r) => r.id)).toEqual([]);
    const windows = meldingen.filter((r) => r.happened_from).length / meldingen.length;
    expect(windows).toBeGreaterThan(0.25);
    expect(windows).toBeLessThan(0.35);
    expect(incidents.filter((r) => r.occurred_from > r.occurred_to).map((r) => r.id)).toEqual([]);
    const long = visits.filter((v) => {
      const minutes = (utc(v.ended_at) - utc(v.started_at)) / 60_000;
      return minutes < 15 || minutes > 180;
    });
    expect(long.map((v) => v.id)).toEqual([]);
  });

  it('values come from the app vocabularies', () => {
    const statuses = ['gemeld', 'in behandeling', 'afgehandeld', 'geannuleerd'];
    const sources = ['Signalen', 'waterschap', 'boswachter', 'jager', 'energiebedrijf', 'politie'];
    const bad = [
      ...incidents.filter(
        (r) =>
          !(THEMES as readonly string[]).includes(r.theme) ||
          !(OUTCOMES as readonly string[]).includes(r.outcome) ||
          r.source !== 'BOA-registratie',
      ),
      ...meldingen.filter((r) => !statuses.includes(r.status) || !sources.includes(r.source)),
      ...visits.filter(
        (v) =>
          !(VISIT_KINDS as readonly string[]).includes(v.kind) ||
          !/^(|AL-[A-Z]+|BG-\d{3})$/.test(v.target),
      ),
    ];
    expect(bad.map((r) => r.id)).toEqual([]);
    const partners = meldingen.filter((r) => r.source !== 'Signalen');
    const rural = partners.filter((r) => wijkOf(Number(r.lon), Number(r.lat)) === 'WK990106');
    expect(rural.length / partners.length).toBeGreaterThan(0.6);
  });
});

/** Local time filters exactly as truth.json states them. */
function matchesTime(local: number, p: Pattern): boolean {
  const d = new Date(local);
  const date = d.toISOString().slice(0, 10);
  return (
    date >= p.from &&
    date <= p.to &&
    p.months.includes(d.getUTCMonth() + 1) &&
    p.weekdays.includes(((d.getUTCDay() + 6) % 7) + 1) &&
    p.hours.includes(d.getUTCHours()) &&
    !p.excluded_dates.some((r: Pattern) => date >= r.from && date <= r.to)
  );
}

function exposure(p: Pattern): [number, number] {
  const start = localToUtc(localMs(`${truth.period.from} 00:00:00`));
  const end = localToUtc(localMs(`${truth.period.to} 00:00:00`) + 24 * HOUR);
  let inside = 0;
  for (let t = start; t < end; t += HOUR) if (matchesTime(utcToLocal(t), p)) inside++;
  return [inside, (end - start) / HOUR - inside];
}

const centers = (p: Pattern) =>
  (p.spots ?? [p.center]).map((c: Pattern) => wgs84ToRd(c.lon, c.lat));
const distance = (p: Pattern, e: Ev) =>
  Math.min(...centers(p).map(([x, y]: number[]) => Math.hypot(e.x - x, e.y - y)));
const matches = (p: Pattern, e: Ev) =>
  p.tables.includes(e.table) && (p.categories.length === 0 || p.categories.includes(e.category));
const patternsOf = (basis: string) =>
  truth.patterns.filter((p: Pattern) => p.strength_basis === basis);

describe('planted patterns', () => {
  it('hot times: the place is busier in the pattern time by the stated strength', () => {
    expect(patternsOf('time').length).toBeGreaterThanOrEqual(6);
    for (const p of patternsOf('time')) {
      const near = events.filter((e) => matches(p, e) && distance(p, e) <= p.radius_m);
      const inside = near.filter((e) => matchesTime(e.local, p)).length;
      const [hoursIn, hoursOut] = exposure(p);
      const strength = inside / hoursIn / (Math.max(near.length - inside, 1) / hoursOut);
      expect(inside, p.id).toBeGreaterThanOrEqual(p.planted_count);
      expect(strength / p.strength, p.id).toBeCloseTo(1, 2);
      // The decoy stal only had a handful of old signals: elevated, but not a hot spot.
      expect(strength, p.id).toBeGreaterThan(p.kind === 'vacant-building-decoy' ? 1.5 : 5);
    }
  });

  it('hot spots: the place is denser than the ring around it by the stated strength', () => {
    for (const p of patternsOf('area')) {
      const d = events
        .filter((e) => matches(p, e) && matchesTime(e.local, p))
        .map((e) => distance(p, e));
      const within = d.filter((v) => v <= p.radius_m).length;
      const ring = d.filter((v) => v > p.radius_m && v <= p.ring_radius_m).length;
      const n = centers(p).length;
      const density =
        within /
        (n * p.radius_m ** 2) /
        (Math.max(ring, 1) / (n * (p.ring_radius_m ** 2 - p.radius_m ** 2)));
      expect(within, p.id).toBeGreaterThanOrEqual(p.planted_count);
      expect(density / p.strength, p.id).toBeCloseTo(1, 2);
      expect(density, p.id).toBeGreaterThan(5);
    }
  });

  it('the new hot spot starts only in the last three months', () => {
    const p = truth.patterns.find((q: Pattern) => q.kind === 'new-hotspot');
    const near = events.filter((e) => matches(p, e) && distance(p, e) <= p.radius_m);
    const before = near.filter((e) => new Date(e.local).toISOString().slice(0, 10) < p.from);
    expect(before.length).toBeLessThanOrEqual(3);
    expect(near.length - before.length).toBeGreaterThanOrEqual(p.planted_count);
  });

  it('the risky stal has more recent signals within 500 m than any other building', async () => {
    const stal = truth.patterns.find((q: Pattern) => q.kind === 'vacant-building-rising-signals');
    const decoy = truth.patterns.find((q: Pattern) => q.kind === 'vacant-building-decoy');
    const since = localMs(`${stal.signals_last_6_months.from} 00:00:00`);
    const counts = new Map<string, number>();
    for (const b of await features('buildings.geojson')) {
      const [x, y] = wgs84ToRd(...(b.geometry.coordinates as [number, number]));
      const n = events.filter(
        (e) => e.local >= since && Math.hypot(e.x - x, e.y - y) <= 500,
      ).length;
      counts.set(String(b.properties.id), n);
      if (b.properties.id === stal.building_id || b.properties.id === decoy.building_id) {
        expect([b.properties.kind, b.properties.status]).toEqual(['stal', 'leegstaand']);
      }
    }
    const risky = counts.get(stal.building_id)!;
    expect(risky).toBe(stal.signals_last_6_months.building);
    for (const [id, n] of counts) if (id !== stal.building_id) expect(n, id).toBeLessThan(risky);
  });

  it('the intervention moves its problem into the buffer, with the stated counts', async () => {
    const p = truth.patterns.find((q: Pattern) => q.kind === 'intervention-displacement');
    const [iv] = await features('interventions.geojson');
    const ring = (iv.geometry.coordinates as Ring[])[0].map(([lon, lat]) => wgs84ToRd(lon, lat));
    const edge = (x: number, y: number) =>
      Math.min(
        ...ring.slice(1).map(([bx, by], i) => {
          const [ax, ay] = ring[i];
          const t = Math.max(
            0,
            Math.min(
              1,
              ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
            ),
          );
          return Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay));
        }),
      );
    const zone = (e: Ev) =>
      inRing(e.x, e.y, ring) ? 'target' : edge(e.x, e.y) <= p.buffer_m ? 'buffer' : 'control';
    const counts: Pattern = {
      target: { before: 0, after: 0 },
      buffer: { before: 0, after: 0 },
      control: { before: 0, after: 0 },
    };
    for (const e of events.filter((q) => matches(p, q))) {
      const date = new Date(e.local).toISOString().slice(0, 10);
      const { before, after } = p.periods;
      if (date >= before.from && date <= before.to) counts[zone(e)].before++;
      if (date >= after.from && date <= after.to) counts[zone(e)].after++;
    }
    expect(counts).toEqual(p.counts);
    const c = counts;
    const sm = c.target.after / c.control.after - c.target.before / c.control.before;
    const bdm = c.buffer.after / c.control.after - c.buffer.before / c.control.before;
    expect(sm).toBeLessThan(0);
    expect(bdm / sm).toBeLessThan(0);
    expect(bdm / sm).toBeCloseTo(p.wdq, 3);
  });

  it('a wijk rises by at least 60% while its control with similar counts stays flat', () => {
    const [rising, stable] = ['rising-wijk', 'stable-wijk'].map((k) =>
      truth.patterns.find((q: Pattern) => q.kind === k),
    );
    const count = (p: Pattern, span: Pattern) =>
      events.filter((e) => {
        const date = new Date(e.local).toISOString().slice(0, 10);
        return e.wijk === p.wijkcode && e.theme === p.theme && date >= span.from && date <= span.to;
      }).length;
    for (const p of [rising, stable]) {
      expect({
        current: count(p, p.periods.current),
        previous: count(p, p.periods.previous),
      }).toEqual(p.counts);
    }
    expect(rising.counts.current / rising.counts.previous).toBeGreaterThanOrEqual(1.6);
    expect(Math.abs(stable.counts.current / stable.counts.previous - 1)).toBeLessThan(0.15);
    expect(stable.counts.previous / rising.counts.previous).toBeGreaterThan(0.7);
    expect(stable.counts.previous / rising.counts.previous).toBeLessThan(1.4);
  });

  it('the under-served wijk gets the fewest visit hours per demand', () => {
    const p = patternsOf('presence')[0];
    const rows = p.per_wijk.map((w: Pattern) => {
      const demand = events.filter((e) => e.wijk === w.wijkcode).length;
      const hours = visits
        .filter((v) => wijkOf(Number(v.lon), Number(v.lat)) === w.wijkcode)
        .reduce(
          (s, v) =>
            s + (localToUtc(localMs(v.ended_at)) - localToUtc(localMs(v.started_at))) / HOUR,
          0,
        );
      expect(demand, w.wijkcode).toBe(w.demand);
      expect(hours, w.wijkcode).toBeCloseTo(w.visit_hours, 1);
      return { code: w.wijkcode, ratio: hours / demand };
    });
    const lowest = rows.reduce((a: Pattern, b: Pattern) => (b.ratio < a.ratio ? b : a));
    expect(lowest.code).toBe(p.wijkcode);
    expect(p.strength).toBeLessThan(0.5);
  });

  it('one wijk sanctions dog incidents far more often than the rest', () => {
    const p = patternsOf('outcomes')[0];
    const share = (inWijk: boolean) => {
      const rows = incidents.filter(
        (r, i) => r.theme === p.theme && (events[i].wijk === p.wijkcode) === inWijk,
      );
      return rows.filter((r) => p.sanction_outcomes.includes(r.outcome)).length / rows.length;
    };
    expect(share(true) / share(false)).toBeCloseTo(p.strength, 2);
    expect(p.strength).toBeGreaterThan(2);
  });

  it('one aandachtslocatie is visited far below its weekly target at the end', () => {
    const p = patternsOf('watch-visits')[0];
    const dates = visits
      .filter((v) => v.target === p.watch_location_id)
      .map((v) => v.started_at.slice(0, 10));
    const recent = dates.filter((d) => d >= p.from && d <= p.to).length;
    const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 + 1;
    expect(recent).toBe(p.counts.in_period);
    expect((7 * recent) / days).toBeLessThan(0.5 * p.visits_per_week_target);
    expect(p.visits_per_week_before).toBeGreaterThan(0.8 * p.visits_per_week_target);
  });
});
