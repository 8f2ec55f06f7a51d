/**
 * The intervention verdict is the net effect with its interval (issue 23). Reference values
 * are hand-computed from R = (X1/X0)/(C1/C0), ln R ± 1.96·√(1/X0 + 1/X1 + 1/C0 + 1/C1)
 * (Farrington et al. 2007; Welsh & Farrington 2009), e.g. for target + buffer 144 → 147 and
 * control 1000 → 1026: R = (147/144)/(1026/1000) = 0.99496, interval 0.77818 – 1.27215.
 *
 * The issue's case: target 100 → 28, buffer 44 → 119 and a control (1000 → 1026) that puts
 * the WDQ at −0.99. The old text read "verplaatsing, maar niet groter dan het directe
 * effect" — a success to a manager — while target and buffer together did not change.
 */
import { describe, expect, it } from 'vitest';
import { computeDisplacement, evaluationText } from '../../src/lib/analysis/displacement';
import { assessNetEffect, relativeChange } from '../../src/lib/analysis/net-effect';
import { createRandom } from '../../src/lib/analysis/random';

/** Before/after counts of target, buffer and control. */
const zones = (t: number[], b: number[], c: number[]) => ({
  target: { before: t[0], after: t[1] },
  buffer: { before: b[0], after: b[1] },
  control: { before: c[0], after: c[1] },
});

const ISSUE = zones([100, 28], [44, 119], [1000, 1026]);

describe('relativeChange', () => {
  it('matches the hand-computed ratio and 95% interval', () => {
    const r = relativeChange(144, 147, 1000, 1026)!;
    expect(r.ratio).toBeCloseTo(0.9949642625, 9);
    expect(r.lower).toBeCloseTo(0.7781765328, 9);
    expect(r.upper).toBeCloseTo(1.2721456404, 9);
    expect(r.direction).toBe('onduidelijk');
    expect(relativeChange(140, 90, 1000, 1000)).toMatchObject({ direction: 'lager' });
    expect(relativeChange(0, 5, 10, 10)).toBeNull();
  });

  it('covers a ratio of 1 in about 95% of no-change runs (seeded Poisson simulation)', () => {
    const rng = createRandom(2003);
    const runs = 4000;
    let covered = 0;
    for (let i = 0; i < runs; i++) {
      const r = relativeChange(
        rng.poisson(40),
        rng.poisson(40),
        rng.poisson(400),
        rng.poisson(400),
      );
      if (r && r.lower <= 1 && r.upper >= 1) covered++;
    }
    const se = Math.sqrt((0.95 * 0.05) / runs);
    expect(Math.abs(covered / runs - 0.95)).toBeLessThanOrEqual(2 * se + 0.005);
  });
});

describe('the intervention verdict', () => {
  it('says "geen aantoonbaar netto-effect" when the buffer takes what the target lost', () => {
    const result = computeDisplacement(ISSUE);
    expect(result.computable).toBe(true);
    if (!result.computable) return;
    expect(result.wdq).toBeCloseTo(-0.99, 2);
    expect(result.net.verdict).toBe('geen aantoonbaar netto-effect');
    expect(result.net.headline).toBe('Geen aantoonbaar netto-effect');
    expect(result.net.target?.direction).toBe('lager');
    expect(result.net.buffer?.direction).toBe('hoger');
    expect(result.explanation).toMatch(
      /^Geen aantoonbaar netto-effect: de daling in het doelgebied is verplaatst naar de buffer\. /,
    );
    expect(result.explanation).toContain('−1% (95%-interval −22% tot +27%)');
    expect(result.explanation).toContain('verplaatsing van 99% van de daling in het doelgebied');
    expect(result.explanation).not.toContain('niet groter dan het directe effect');
  });

  it('says "netto minder" for a real fall, and names displacement or diffusion', () => {
    const fall = assessNetEffect(zones([100, 50], [40, 40], [1000, 1000]));
    expect(fall.verdict).toBe('netto minder');
    expect(fall.explanation).toBe(
      'Netto minder registraties: doelgebied en buffer samen daalden meer dan het controlegebied. ' +
        'Doelgebied en buffer samen ten opzichte van het controlegebied: −36% (95%-interval −51% tot −15%).',
    );
    const diffusion = assessNetEffect(zones([100, 50], [200, 120], [1000, 1000]));
    expect(diffusion.explanation).toContain('ook de buffer ging erop vooruit (uitstraling)');
    const partly = assessNetEffect(zones([300, 100], [50, 120], [1000, 1000]));
    expect(partly.verdict).toBe('netto minder');
    expect(partly.explanation).toContain(
      'een deel van de daling in het doelgebied is wel verplaatst',
    );
  });

  it('gives the net effect also when the WDQ cannot be computed, and zero counts no verdict', () => {
    const worse = computeDisplacement(zones([20, 60], [20, 20], [500, 500]));
    expect(worse.computable).toBe(false);
    expect(worse.net.verdict).toBe('netto meer');
    expect(evaluationText(worse)).toMatch(/^Netto meer registraties: .*Niet te berekenen: /);
    const empty = computeDisplacement(zones([0, 0], [0, 0], [10, 10]));
    expect(empty.net).toMatchObject({ verdict: null, headline: 'Niet te berekenen' });
    expect(evaluationText(empty)).toMatch(/^Niet te berekenen: in het doelgebied/);
  });
});
