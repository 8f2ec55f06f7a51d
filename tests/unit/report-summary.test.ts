/**
 * The report's first page (analysis/report-summary.ts): only findings that passed their
 * test are named, real rises first (biggest first), then falls, under-served wijken,
 * differing outcomes and the interventions; every sentence hand-checked. Counts below 5
 * read "<5" and no percentage stands beside one (tests/helpers/disclosure.ts tries to get
 * the hidden count back); an intervention with a small area count gets no verdict.
 */
import { describe, expect, it } from 'vitest';
import { computeDisplacement, type DisplacementInput } from '../../src/lib/analysis/displacement';
import { assessDemandTrends, type DemandTrend } from '../../src/lib/analysis/management-kpis';
import { buildReportEvaluation } from '../../src/lib/analysis/management-report';
import {
  buildReportSummary,
  SUMMARY_MAX_TRENDS,
  type SummaryTrendInput,
} from '../../src/lib/analysis/report-summary';
import { findRecoveries } from '../helpers/disclosure';

const PERIOD = { from: '2026-01', to: '2026-03' };

/** Trends of one quarter against the same quarter a year earlier, judged as one family. */
function trends(pairs: Record<string, [number, number]>): Map<string, DemandTrend> {
  const series = new Map(
    Object.entries(pairs).map(([key, [previous, current]]) => [
      key,
      [
        { year: 2025, month: 1, count: previous },
        { year: 2025, month: 2, count: 0 },
        { year: 2025, month: 3, count: 0 },
        { year: 2026, month: 1, count: current },
        { year: 2026, month: 2, count: 0 },
        { year: 2026, month: 3, count: 0 },
      ],
    ]),
  );
  return new Map(assessDemandTrends(series, PERIOD, '2025-01').map((t) => [t.key, t]));
}

const PLANTED = trends({
  'Oost|Afval': [100, 200],
  'Noord|Jeugdoverlast': [40, 120],
  'West|Horeca en Alcoholwet': [150, 60],
  'Zuid|Honden': [50, 52],
  'Centrum|Parkeren': [2, 40],
});
const input = (key: string): SummaryTrendInput => {
  const [wijk, theme] = key.split('|');
  return { wijk, theme, trend: PLANTED.get(key)! };
};

/** data/truth.json, interventie-stationsplein: target 100 → 27, buffer 32 → 111. */
const STATION: DisplacementInput = {
  target: { before: 100, after: 27 },
  buffer: { before: 32, after: 111 },
  control: { before: 904, after: 921 },
};

const summary = buildReportSummary({
  trends: [...PLANTED.keys()].map(input),
  presence: [
    { wijk: 'Zuid', flag: 'onderbezet' },
    { wijk: 'Noord', flag: 'in lijn' },
  ],
  outcomes: [
    {
      wijk: 'Noord',
      theme: 'Honden',
      explanation:
        'Anders afgehandeld dan elders: sanctie vaker (75% tegen 16% in de andere wijken samen).',
    },
  ],
  evaluations: [
    {
      name: 'Cameratoezicht Stationsplein',
      theme: 'Jeugdoverlast',
      counts: STATION,
      result: computeDisplacement(STATION),
    },
  ],
});

describe('buildReportSummary', () => {
  it('names the real changes first, the biggest rise first, then the other findings', () => {
    expect(summary.items.map((i) => [i.kind, i.title])).toEqual([
      ['stijging', 'Afval in Oost'], // +100 registraties
      ['stijging', 'Jeugdoverlast in Noord'], // +80
      ['stijging', 'Parkeren in Centrum'], // a hidden count: after the shown ones
      ['daling', 'Horeca en Alcoholwet in West'],
      ['aanwezigheid', 'Zuid onderbezet'],
      ['afhandeling', 'Honden in Noord anders afgehandeld'],
      ['interventie', 'Cameratoezicht Stationsplein (jeugdoverlast)'],
    ]);
    expect(summary.headline).toBe(
      'Opvallend in deze periode: 3 echte stijgingen, 1 echte daling, 1 onderbezette wijk en ' +
        '1 wijk die een thema anders afhandelt.',
    );
    // Honden in Zuid, 50 → 52: not named, only counted as noise.
    expect(summary.quiet).toBe(
      'De andere combinatie van wijk en thema veranderde niet aantoonbaar ten opzichte van ' +
        'een jaar eerder: het verschil past bij toeval.',
    );
    expect(summary.more).toBe(0);
  });

  it('says what changed with the counts and the change in percent', () => {
    const [oost, noord] = summary.items;
    expect(oost.text).toBe(
      '200 meldingen en incidenten, tegen 100 in dezelfde periode een jaar eerder (+100%).',
    );
    expect(oost.why).toMatch(/^Meer dan toeval: hier groeit de vraag echt/);
    expect(noord.text).toContain('(+200%)'); // 40 → 120
    const west = summary.items.find((i) => i.kind === 'daling')!;
    expect(west.text).toContain('60 meldingen en incidenten, tegen 150'); // 150 → 60: −60%
    expect(west.text).toContain('(−60%)');
  });

  it('shows a count below 5 as "<5", with no percentage beside it', () => {
    const centrum = summary.items.find((i) => i.title === 'Parkeren in Centrum')!;
    expect(centrum.text).toBe(
      '40 meldingen en incidenten, tegen <5 in dezelfde periode een jaar eerder.',
    );
    // The attacker tries every hidden count; a percentage would give 2 back (+1900%).
    const percent = (text: string) => /\([+−]\d+%\)/.exec(text)?.[0] ?? '';
    const cells = new Map([
      ['previous', '<5'],
      ['current', '40'],
    ]);
    const compute = (v: ReadonlyMap<string, number>) => {
      const t = trends({ 'Centrum|Parkeren': [v.get('previous')!, v.get('current')!] });
      const again = buildReportSummary({
        trends: [{ wijk: 'Centrum', theme: 'Parkeren', trend: t.get('Centrum|Parkeren')! }],
        presence: [],
        outcomes: [],
        evaluations: [],
      });
      return percent(again.items[0]?.text ?? '');
    };
    const derived = [
      { label: 'procent', text: percent(centrum.text), from: ['previous', 'current'], compute },
    ];
    expect(findRecoveries({ cells, margins: [], derived })).toEqual([]);
  });

  it('states the intervention as its net effect: displacement is no success', () => {
    const station = summary.items.find((i) => i.kind === 'interventie')!;
    expect(station.text).toMatch(
      /^Geen aantoonbaar netto-effect: de daling in het doelgebied is verplaatst naar de buffer\./,
    );
    expect(station.text).not.toContain('WDQ');
    expect(station.why).toBe(
      'Het probleem is verplaatst naar de omgeving, niet opgelost: reken het doelgebied alleen niet als succes.',
    );
  });

  it('gives no verdict for an intervention with an area count below 5', () => {
    const small: DisplacementInput = { ...STATION, target: { before: 14, after: 3 } };
    const { items } = buildReportSummary({
      trends: [],
      presence: [],
      outcomes: [],
      evaluations: [
        { name: 'X', theme: 'Afval', counts: small, result: computeDisplacement(small) },
      ],
    });
    expect(items[0].text).toBe(
      'Het effect staat niet in dit rapport: in een van de gebieden waren minder dan 5 registraties.',
    );
    expect(items[0].text + items[0].why).not.toMatch(/%|netto/i);
  });

  it('says so when nothing changed, and keeps the first page short', () => {
    const quiet = buildReportSummary({
      trends: [input('Zuid|Honden')],
      presence: [{ wijk: 'Zuid', flag: 'in lijn' }],
      outcomes: [],
      evaluations: [],
    });
    expect(quiet.headline).toBe(
      'Geen aantoonbare veranderingen in vraag, aanwezigheid of afhandeling in deze periode.',
    );
    expect(quiet.items).toEqual([]);
    expect(quiet.quiet).toMatch(/^De enige combinatie van wijk en thema veranderde niet/);

    const many = trends(
      Object.fromEntries(
        Array.from({ length: 12 }, (_, i) => [`W${i}|Afval`, [50, 150 + i] as [number, number]]),
      ),
    );
    const long = buildReportSummary({
      trends: [...many.keys()].map((key) => ({
        wijk: key.split('|')[0],
        theme: 'Afval',
        trend: many.get(key)!,
      })),
      presence: [],
      outcomes: [],
      evaluations: [],
    });
    expect(long.items).toHaveLength(SUMMARY_MAX_TRENDS);
    expect(long.more).toBe(12 - SUMMARY_MAX_TRENDS);
    expect(long.items[0].title).toBe('Afval in W11'); // 50 → 161, the biggest rise
  });
});

describe('the report evaluation: the WDQ once', () => {
  it('gives the verdict in words and the WDQ in one sentence of its own', () => {
    const table = buildReportEvaluation(STATION, computeDisplacement(STATION));
    expect(table.interpretation).toMatch(/^Geen aantoonbaar netto-effect: /);
    expect(table.interpretation).not.toContain('WDQ');
    // SM = 27/921 − 100/904 = −0.08130; BDM = 111/921 − 32/904 = 0.08512; WDQ = −1.0470.
    expect(table.wdqText).toBe(
      'WDQ: −1,05; succesmaat −0,081. De buffer ging erop achteruit, meer dan het doelgebied ' +
        'erop vooruitging: de verplaatsing is groter dan het directe effect.',
    );
  });

  it('says once why there is no WDQ', () => {
    const worse: DisplacementInput = {
      target: { before: 10, after: 20 },
      buffer: { before: 10, after: 10 },
      control: { before: 100, after: 100 },
    };
    const table = buildReportEvaluation(worse, computeDisplacement(worse));
    // SM = 20/100 − 10/100 = 0.100: the target did not improve.
    expect(table.wdqText).toMatch(
      /^WDQ: niet te berekenen: het doelgebied ging er ten opzichte van het controlegebied niet op vooruit \(succesmaat 0,100/,
    );
    expect(`${table.interpretation} ${table.wdqText}`.match(/WDQ:/g)).toHaveLength(1);
  });

  it('withholds verdict and WDQ together where an area count is below 5', () => {
    const small: DisplacementInput = { ...STATION, target: { before: 14, after: 3 } };
    const table = buildReportEvaluation(small, computeDisplacement(small));
    expect(table.wdqText).toBeNull();
    expect(table.interpretation).toBe(
      'Netto-effect, succesmaat en WDQ niet getoond (kleine aantallen): ze zouden een klein ' +
        'aantal in de tabel terug laten rekenen.',
    );
  });
});
