/**
 * The verwacht slide's "Drukste uren" bars (issue 23, item 2: "bar height = count/max gives
 * the hidden hours"): over many random histories, built by the real slide code and read
 * back as printed, no hidden hour comes back — not from the total minus the shown hours,
 * not from a bar's height, not by combining the hours with the focus slide's themes and the
 * listed places of the same history (tests/helpers/disclosure.ts is the attacker).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DAGDELEN,
  historyWindow,
  type HistoryRecord,
} from '../../src/lib/analysis/briefing';
import { createRandom } from '../../src/lib/analysis/random';
import { composeExpected, composeFocus } from '../../src/lib/state/briefing/briefing-slides';
import { briefingHistoryOutput } from '../helpers/briefing-output';
import { findRecoveries } from '../helpers/disclosure';

const avond = DEFAULT_DAGDELEN.find((d) => d.id === 'avond')!;
const window = historyWindow({ date: '2026-07-17', dagdeel: avond }, 4);
const SPOTS: [number, number][] = [
  [6.1937, 52.0684],
  [6.2037, 52.0784],
  [6.2137, 52.0884],
  [6.1837, 52.0584],
];
const THEMES = ['jeugd', 'afval', 'honden', 'horeca'];
const FRIDAYS = [19, 26, 3, 10]; // June 19 and 26, July 3 and 10

function randomHistory(seed: number): HistoryRecord[] {
  const random = createRandom(seed);
  return window.hours.flatMap((hour) => {
    // Many small hours: zero, "<5" and a few busy ones.
    const n = random.weighted(
      [0, random.int(1, 4), random.int(5, 9), random.int(10, 25)],
      [2, 4, 2, 2],
    );
    return Array.from({ length: n }, () => {
      const day = random.pick(FRIDAYS);
      const [lon, lat] = random.weighted(SPOTS, [6, 3, 1, 1]);
      return {
        lon,
        lat,
        t: Date.UTC(2026, day < 19 ? 6 : 5, day, hour),
        theme: random.weighted(THEMES, [5, 3, 1, 1]),
        buurtcode: 'BU1',
      };
    });
  });
}

function published(history: HistoryRecord[]) {
  const expected = composeExpected(history, window, new Map([['BU1', 'Parkwijk']]));
  const focus = composeFocus(history, [], [], window);
  const counts = new Map(
    window.hours.map((h) => [h, history.filter((r) => new Date(r.t).getUTCHours() === h).length]),
  );
  const shown = expected.hours.filter((h) => h.share !== null);
  const top = shown.reduce<number | null>(
    (a, b) => (a === null || counts.get(b.hour)! > counts.get(a)! ? b.hour : a),
    null,
  );
  const recoveries = findRecoveries(briefingHistoryOutput(expected, focus, top));
  return { expected, counts, recoveries };
}

describe('briefing: the hour bars of the verwacht slide', () => {
  it('give no hidden hour back in 400 random histories', () => {
    let withSmall = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { expected, counts, recoveries } = published(randomHistory(seed));
      expect(recoveries, `seed ${seed}`).toEqual([]);
      for (const h of expected.hours) {
        const n = counts.get(h.hour)!;
        if (n >= 1 && n <= 4) {
          withSmall++;
          expect(h.count, `seed ${seed}, ${h.hour} uur`).toBe('<5');
          expect(h.share, 'no bar for a hidden hour').toBeNull();
        }
      }
      // A single hidden hour beside a shown total would be the total minus the others.
      const hidden = expected.hours.filter((h) => h.share === null && counts.get(h.hour)! > 0);
      if (hidden.length === 1) expect(expected.total, `seed ${seed}`).not.toMatch(/^\d/);
    }
    expect(withSmall).toBeGreaterThan(400); // the cases are there
  });
});
