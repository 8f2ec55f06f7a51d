/**
 * The Overzicht's attention items on Donderdeel against the planted truth (data/truth.json),
 * through loadAttentionInput — the queries and analysis the page runs: afval in Oost rises
 * (afval-stijging-oost), Isseldreef is visited far below its target
 * (isseldreef-onderbezocht), the vacant stal with rising signals (BG-014) is due a schouw,
 * and the open meldingen past the 14-day norm match a count straight from the CSV rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { buildOpenHandlingQuery } from '../../src/lib/data/queries/melding-handling';
import { DEFAULT_NORMS } from '../../src/lib/analysis/melding-handling';
import { buildAttention, type AttentionInput } from '../../src/lib/state/overzicht/attention-items';
import { loadAttentionInput } from '../../src/lib/state/overzicht/overzicht-data';
import { loadDemoInNode, readTruth, type Truth } from '../helpers/demo-node';

let conn: Connector;
let truth: Truth;
let input: AttentionInput;
const pattern = (id: string) => truth.patterns.find((p) => p.id === id) as Record<string, unknown>;

beforeAll(async () => {
  conn = await loadDemoInNode();
  truth = await readTruth();
  input = (await loadAttentionInput(conn, '2026-12-06'))!;
});
afterAll(async () => {
  await conn?.close();
});

describe('Overzicht on the demo', () => {
  it('measures on the last day of the data', () => {
    expect(input.dataEnd).toBe(truth.period.to);
    expect(input.trends?.periodLabel).toBe('augustus–oktober 2026');
  });

  it('flags the planted rise of afval in Oost and not the stable control wijk', () => {
    const rising = pattern('afval-stijging-oost');
    const control = pattern('afval-stabiel-stationskwartier');
    const flagged = input.trends!.panels.filter(
      (p) => p.flag === 'stijging' || p.flag === 'daling',
    );
    const oost = flagged.find((p) => p.key === `${rising.wijkcode}|afval`);
    expect(oost?.flag).toBe('stijging');
    expect(flagged.some((p) => p.key === `${control.wijkcode}|afval`)).toBe(false);
    const items = buildAttention(input).find((s) => s.role === 'manager')!.items;
    expect(items.some((i) => i.key === `trend:${rising.wijkcode}|afval`)).toBe(true);
  });

  it('finds Isseldreef behind on visits, and only Isseldreef', () => {
    const planted = pattern('isseldreef-onderbezocht');
    const behind = input.watch.filter((w) => w.frequency.belowTarget);
    expect(behind.map((w) => w.id)).toEqual([planted.watch_location_id]);
    // Since July about one visit per two weeks (truth: visits_per_week_actual over Jul–Oct).
    expect(behind[0].frequency.perWeek).toBeLessThan(0.6);
    expect(behind[0].frequency.target).toBe(planted.visits_per_week_target);
  });

  it('lists the stal with rising signals among the buildings due a schouw', () => {
    const stal = pattern('stal-signalen-leegstand');
    expect(input.schouw.vacant).toBe(truth.counts.buildings_vacant);
    expect(input.schouw.due.map((b) => b.id)).toContain(stal.building_id);
  });

  it('counts open meldingen past the norm the way the rule says', async () => {
    const overdue = input.meldingen.reduce((s, r) => s + r.overdue, 0);
    const open = input.meldingen.reduce((s, r) => s + r.open, 0);
    const [direct] = await conn.query<{ open: number; overdue: number }>({
      sql: `SELECT count(*)::INTEGER AS open,
          count(*) FILTER (WHERE reported_at < TIMESTAMP '2026-10-18 00:00:00')::INTEGER AS overdue
        FROM meldingen WHERE status IN ('gemeld', 'in behandeling')`,
    });
    expect({ open, overdue }).toEqual(direct);
    expect(overdue).toBeGreaterThan(0);
  });

  it('reads the freshness of each record table', () => {
    expect(input.freshness.map((f) => f.table)).toEqual(['incidents', 'meldingen', 'visits']);
    for (const f of input.freshness) {
      expect(new Date(f.last!).toISOString().slice(0, 10)).toBe(truth.period.to);
    }
  });

  it('rejects a malformed moment or norm', () => {
    expect(() => buildOpenHandlingQuery({}, DEFAULT_NORMS, ['2026-11-01'], 'status')).toThrow(
      RangeError,
    );
    expect(() =>
      buildOpenHandlingQuery(
        {},
        { defaultDays: -1, byCategory: {} },
        ['2026-11-01 00:00:00'],
        'status',
      ),
    ).toThrow(RangeError);
  });

  it('has nothing to say without records', async () => {
    await conn.exec('DELETE FROM incidents; DELETE FROM meldingen; DELETE FROM visits;');
    expect(await loadAttentionInput(conn, '2026-12-06')).toBeNull();
  });
});
