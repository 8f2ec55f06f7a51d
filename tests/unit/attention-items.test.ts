/**
 * The Overzicht's attention items (state/attention-items.ts): which facts become an item,
 * its tone, its number and its link into the view that explains it.
 */
import { monthsLabel } from '../../src/lib/state/overzicht/overzicht-data';
import { describe, expect, it } from 'vitest';
import { DEFAULT_NORMS } from '../../src/lib/analysis/melding-handling';
import { assessTrend } from '../../src/lib/analysis/trend-flags';
import { computeVisitFrequency } from '../../src/lib/analysis/watch-locations';
import type { TrendPanel } from '../../src/lib/analysis/wijk-trends';
import {
  buildAttention,
  countAttention,
  freshnessItems,
  meldingenItem,
  schouwItem,
  trendItems,
  watchItems,
  MAX_TRENDS,
  type AttentionInput,
} from '../../src/lib/state/overzicht/attention-items';

const DAY = 86_400_000;
const day = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** A panel whose October 2026 has `now` records against `before` in October 2025. */
function panel(code: string, theme: string | null, before: number, now: number): TrendPanel {
  const series = [];
  for (let m = 0; m < 13; m++) {
    const month = ((9 + m) % 12) + 1;
    const year = m < 3 ? 2025 : 2026;
    series.push({ year, month, count: m === 0 ? before : m === 12 ? now : before });
  }
  const assessment = assessTrend(series, { at: { year: 2026, month: 10 }, periodMonths: 1 });
  const flag = assessment.samePeriodLastYear.available ? assessment.samePeriodLastYear.flag : null;
  return {
    key: `${code}|${theme ?? '*'}`,
    wijk: { code, name: `Wijk ${code}`, inhabitants: null },
    theme,
    counts: series.map((s) => s.count),
    per1000: null,
    total: 0,
    assessment,
    flag,
  };
}

const base: AttentionInput = {
  today: '2026-12-06',
  dataEnd: '2026-10-31',
  freshness: [
    { table: 'incidents', last: day('2026-10-31') + 23 * 3_600_000 },
    { table: 'meldingen', last: day('2026-12-05') },
    { table: 'visits', last: null },
  ],
  trends: { panels: [], periodMonths: 1, periodLabel: 'oktober 2026' },
  watch: [],
  schouw: { due: [], vacant: 0, days: 90 },
  meldingen: [],
  norms: DEFAULT_NORMS,
};

describe('trendItems', () => {
  it('lists only significant changes, strongest first, each linked to its wijk and theme', () => {
    const panels = [
      panel('WK1', 'afval', 30, 34), // noise
      panel('WK2', 'afval', 20, 60), // rise
      panel('WK3', null, 80, 20), // fall, all themes
    ];
    const items = trendItems({ panels, periodMonths: 1, periodLabel: 'oktober 2026' });
    expect(items.map((i) => i.key).sort()).toEqual(['trend:WK2|afval', 'trend:WK3|*']);
    const rise = items.find((i) => i.key === 'trend:WK2|afval')!;
    expect(rise.title).toBe('Wijk WK2, afval: stijging');
    expect(rise.value).toBe(60);
    expect(rise.link).toMatchObject({
      path: '/wijken',
      search: '?wijk=WK2&periode=1&thema=afval&reeks=afval',
    });
    expect(items.find((i) => i.key === 'trend:WK3|*')!.link.search).toBe('?wijk=WK3&periode=1');
  });

  it('says so when nothing changed, and points to the rest beyond the first five', () => {
    const quiet = trendItems({
      panels: [panel('WK1', 'afval', 30, 31)],
      periodMonths: 1,
      periodLabel: 'oktober 2026',
    });
    expect(quiet).toHaveLength(1);
    expect(quiet[0]).toMatchObject({ key: 'trend:geen', tone: 'ok' });
    const many = Array.from({ length: MAX_TRENDS + 2 }, (_, i) => panel(`WK${i}`, 'afval', 10, 60));
    const items = trendItems({ panels: many, periodMonths: 1, periodLabel: 'oktober 2026' });
    expect(items).toHaveLength(MAX_TRENDS + 1);
    expect(items.at(-1)).toMatchObject({ key: 'trend:meer', value: 2 });
  });
});

describe('watchItems', () => {
  const end = day('2026-11-01');
  const visits = (perWeek: number) =>
    Array.from({ length: 13 * perWeek }, (_, i) => ({
      day: end - (i + 1) * (7 / perWeek) * DAY,
      n: 1,
    }));
  it('flags locations below their target, furthest behind first', () => {
    const items = watchItems([
      { id: 'A', name: 'Aweg', frequency: computeVisitFrequency(visits(2), end, 2, 13) },
      { id: 'B', name: 'Bpad', frequency: computeVisitFrequency(visits(1), end, 3, 13) },
      { id: 'C', name: 'Cdreef', frequency: computeVisitFrequency(visits(1), end, 2, 13) },
    ]);
    expect(items.map((i) => i.key)).toEqual(['watch:B', 'watch:C']);
    expect(items[0].value).toBeCloseTo(1, 6);
    expect(items[0].title).toBe('Bpad: 1 bezoek per week, doel 3');
    expect(items[0].detail).toContain('tot en met 31 okt 2026');
    expect(items[0].link.search).toBe('#aandacht-kop');
  });
  it('reports all on schedule as one ok item', () => {
    const items = watchItems([
      { id: 'A', name: 'Aweg', frequency: computeVisitFrequency(visits(2), end, 2, 13) },
    ]);
    expect(items).toEqual([expect.objectContaining({ key: 'watch:op-schema', tone: 'ok' })]);
  });
});

describe('schouwItem', () => {
  const row = (id: string, last: string | null) => ({
    id,
    kind: 'stal',
    buurtcode: null,
    vacant_since: null,
    last_schouw: last === null ? null : day(last),
    last_outcome: null,
  });
  it('names the buildings due, the longest ago first', () => {
    const item = schouwItem({
      due: [row('BG-2', null), row('BG-1', '2025-10-14')],
      vacant: 5,
      days: 90,
    })!;
    expect(item).toMatchObject({ tone: 'attention', value: 2, link: { path: '/buitengebied' } });
    expect(item.title).toBe('2 leegstaande gebouwen toe aan een schouw');
    expect(item.detail).toContain('BG-2, BG-1');
    expect(item.detail).toContain('BG-2 is nog nooit geschouwd');
  });
  it('is ok when every vacant building was inspected, absent without vacant buildings', () => {
    expect(schouwItem({ due: [], vacant: 3, days: 90 })?.tone).toBe('ok');
    expect(schouwItem({ due: [], vacant: 0, days: 90 })).toBeNull();
  });
});

describe('meldingenItem', () => {
  const open = [
    { status: 'in behandeling', open: 400, overdue: 350 },
    { status: 'gemeld', open: 200, overdue: 132 },
  ];
  it("counts the open meldingen past the norm and links to Management's section on them", () => {
    const item = meldingenItem({ ...base, meldingen: open })!;
    expect(item.value).toBe(482);
    expect(item.title).toBe('482 meldingen langer open dan 14 dagen');
    expect(item.detail).toContain('600 open meldingen');
    expect(item.detail).toContain('350 in behandeling, 132 gemeld');
    expect(item.link).toMatchObject({ path: '/management', search: '#afhandeling-meldingen' });
  });
  it('names the norms the user set at Management', () => {
    const item = meldingenItem({
      ...base,
      meldingen: open,
      norms: { defaultDays: 10, byCategory: { grofvuil: 21, 'container-is-vol': 3 } },
    })!;
    expect(item.title).toBe('482 meldingen langer open dan hun norm');
    expect(item.detail).toContain('norm: 10 dagen, 2 categorieën met een eigen norm');
    const plain = meldingenItem({
      ...base,
      meldingen: open,
      norms: { defaultDays: 7, byCategory: {} },
    })!;
    expect(plain.title).toBe('482 meldingen langer open dan 7 dagen');
  });
  it('is ok without overdue ones and absent without open ones', () => {
    expect(
      meldingenItem({ ...base, meldingen: [{ status: 'gemeld', open: 3, overdue: 0 }] })?.tone,
    ).toBe('ok');
    expect(meldingenItem(base)).toBeNull();
  });
});

describe('freshnessItems', () => {
  it('gives each last day its age, flagging what is older than a week or empty', () => {
    const items = freshnessItems(base);
    expect(items.map((i) => [i.key, i.tone, i.value])).toEqual([
      ['vers:incidents', 'attention', 36],
      ['vers:meldingen', 'ok', 1],
      ['vers:visits', 'attention', -1],
    ]);
    expect(items[0].title).toBe('Incidenten tot en met 31 okt 2026');
    expect(items[2].title).toBe('Bezoeken: nog niets ingelezen');
    expect(items.every((i) => i.link.path === '/gegevens')).toBe(true);
  });
  it('joins the tables that end on the same day', () => {
    const last = day('2026-10-31');
    const items = freshnessItems({
      ...base,
      freshness: [
        { table: 'incidents', last },
        { table: 'meldingen', last: last + 3_600_000 },
        { table: 'visits', last },
      ],
    });
    expect(items).toHaveLength(1);
    expect(items[0].key).toBe('vers:incidents,meldingen,visits');
    expect(items[0].title).toBe('Incidenten, meldingen en bezoeken tot en met 31 okt 2026');
  });
});

describe('buildAttention', () => {
  it('orders the roles coordinator, manager, analist and counts only what needs attention', () => {
    const sections = buildAttention({ ...base, schouw: { due: [], vacant: 2, days: 90 } });
    expect(sections.map((s) => s.role)).toEqual(['coordinator', 'manager', 'analist']);
    expect(sections[1].question).toBe('Wat veranderde er in oktober 2026?');
    // incidents 36 days old and visits empty; schouw and trends are ok.
    expect(countAttention(sections)).toBe(2);
  });
});

describe('monthsLabel', () => {
  it('names the months the Overzicht judges, across a new year too', () => {
    expect(monthsLabel({ year: 2026, month: 10 }, 3)).toBe('augustus–oktober 2026');
    expect(monthsLabel({ year: 2026, month: 2 }, 3)).toBe('december 2025–februari 2026');
    expect(monthsLabel({ year: 2026, month: 10 }, 1)).toBe('oktober 2026');
  });
});
