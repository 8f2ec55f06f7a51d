import { describe, expect, it } from 'vitest';
import { summarizeDrilldown } from '../../src/lib/analysis/drilldown-summary';

describe('drill-down summary', () => {
  const rows = [
    { kind: 'thema' as const, key: 'jeugd', n: 7 },
    { kind: 'thema' as const, key: 'afval', n: 3 },
    { kind: 'maand' as const, key: '2026-07', n: 6 },
    { kind: 'maand' as const, key: '2026-06', n: 4 },
    { kind: 'uur' as const, key: '2', n: 1 },
    { kind: 'uur' as const, key: '11', n: 2 },
    { kind: 'uur' as const, key: '21', n: 4 },
    { kind: 'uur' as const, key: '23', n: 3 },
    { kind: 'bron' as const, key: 'incidents', n: 10 },
  ];

  it('counts per theme (most first), month (oldest first) and dagdeel', () => {
    const s = summarizeDrilldown(rows, { theme: (t) => t.toUpperCase() });
    expect(s.total).toBe(10);
    expect(s.themes.map((t) => [t.label, t.n])).toEqual([
      ['JEUGD', 7],
      ['AFVAL', 3],
    ]);
    expect(s.months.map((m) => m.key)).toEqual(['2026-06', '2026-07']);
    expect([s.first, s.last]).toEqual(['2026-06', '2026-07']);
    // nacht 0–6, ochtend 6–12, middag 12–18, avond 18–24
    expect(s.dagdelen.map((d) => [d.key, d.n])).toEqual([
      ['nacht', 1],
      ['ochtend', 2],
      ['middag', 0],
      ['avond', 7],
    ]);
  });

  it('follows a configured dagdeel that wraps midnight, and reports hours outside', () => {
    const s = summarizeDrilldown(rows, {}, [
      { id: 'nachtdienst', label: 'Nachtdienst', from: 22, to: 6 },
    ]);
    expect(s.dagdelen).toEqual([
      { key: 'nachtdienst', label: 'Nachtdienst', n: 4 },
      { key: 'overig', label: 'Buiten de dagdelen', n: 6 },
    ]);
  });
});
