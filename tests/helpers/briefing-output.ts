/**
 * The verwacht and focus slides of one history as the attacker (disclosure.ts) sees them:
 * the printed counts, how they add up (hours, themes and listed places each sum to the
 * total, with an unlisted rest) and what is derived from them (bar heights against the
 * busiest shown hour `topHour`, weeks with a record per place).
 */
import type { ExpectedSlide, FocusSlide } from '../../src/lib/state/briefing/briefing-slides';
import type { Derived, Published } from './disclosure';

export function briefingHistoryOutput(
  expected: ExpectedSlide,
  focus: FocusSlide,
  topHour: number | null,
): Published {
  const cells = new Map<string, string>([['total', expected.total]]);
  expected.hours.forEach((h) => cells.set(`h.${h.hour}`, h.count));
  focus.themes.forEach((t) => cells.set(`t.${t.theme}`, t.count));
  expected.areas.forEach((a) => cells.set(`a.${a.rank}`, a.count));
  const derived: Derived[] = [
    ...expected.hours.map((h) => ({
      label: `balk ${h.hour}`,
      text: h.share === null ? '—' : String(h.share),
      from: topHour === null ? [`h.${h.hour}`] : [`h.${h.hour}`, `h.${topHour}`],
      compute: (v: ReadonlyMap<string, number>) =>
        String(v.get(`h.${h.hour}`)! / (topHour === null ? 1 : v.get(`h.${topHour}`)!)),
    })),
    ...expected.areas.map((a) => ({
      label: `weken ${a.rank}`,
      text: a.weeks,
      from: [`a.${a.rank}`],
    })),
  ];
  const margins = [
    { totals: ['total'], parts: expected.hours.map((h) => `h.${h.hour}`) },
    { totals: ['total'], parts: [...focus.themes.map((t) => `t.${t.theme}`), 't.rest'] },
    { totals: ['total'], parts: [...expected.areas.map((a) => `a.${a.rank}`), 'a.rest'] },
  ];
  return { cells, margins, derived };
}
