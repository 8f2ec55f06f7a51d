/**
 * Weighted displacement quotient (Bowers & Johnson 2003) with the formulas of Guerette
 * (2009), POP Center Tool Guide No. 10, appendix B (checked against
 * popcenter.asu.edu/tools/displacement/10). No published worked example with numbers was
 * found in the stored sources, so the cases below are hand-made; each value is computed by
 * hand in the comment next to it. A = target, B = buffer, C = control; 0 before, 1 after.
 */
import { describe, expect, it } from 'vitest';
import { computeDisplacement, type DisplacementInput } from '../../src/lib/analysis/displacement';

const input = (a: [number, number], b: [number, number], c: [number, number]) => ({
  target: { before: a[0], after: a[1] },
  buffer: { before: b[0], after: b[1] },
  control: { before: c[0], after: c[1] },
});

describe('hand-computed cases', () => {
  it('displacement smaller than the effect: A 100→60, B 80→90, C 200→200', () => {
    // SM  = 60/200 − 100/200 = 0.30 − 0.50 = −0.20
    // BDM = 90/200 −  80/200 = 0.45 − 0.40 = +0.05
    // WDQ = 0.05 / −0.20 = −0.25
    // TNE = [100·(200/200) − 60] + [80·(200/200) − 90] = 40 − 10 = 30
    const r = computeDisplacement(input([100, 60], [80, 90], [200, 200]));
    expect(r.computable).toBe(true);
    if (!r.computable) return;
    expect(r.successMeasure).toBeCloseTo(-0.2, 12);
    expect(r.bufferDisplacementMeasure).toBeCloseTo(0.05, 12);
    expect(r.wdq).toBeCloseTo(-0.25, 12);
    expect(r.totalNetEffect).toBeCloseTo(30, 12);
    expect(r.interpretation).toBe('verplaatsing');
    expect(r.explanation).toContain('WDQ = −0,25');
  });

  it('diffusion of benefits: A 100→60, B 80→70, C 200→200', () => {
    // BDM = 70/200 − 80/200 = −0.05; WDQ = −0.05 / −0.20 = +0.25
    const r = computeDisplacement(input([100, 60], [80, 70], [200, 200]));
    expect(r).toMatchObject({
      computable: true,
      interpretation: 'uitstraling van positieve effecten',
    });
    if (r.computable) expect(r.wdq).toBeCloseTo(0.25, 12);
  });

  it('displacement larger than the effect, with a growing control area', () => {
    // A 50→40, B 50→120, C 100→125:
    // SM  = 40/125 − 50/100 = 0.32 − 0.50 = −0.18
    // BDM = 120/125 − 50/100 = 0.96 − 0.50 = +0.46
    // WDQ = 0.46 / −0.18 = −2.5556
    // TNE = [50·1.25 − 40] + [50·1.25 − 120] = 22.5 − 57.5 = −35
    const r = computeDisplacement(input([50, 40], [50, 120], [100, 125]));
    expect(r).toMatchObject({
      computable: true,
      interpretation: 'verplaatsing groter dan het directe effect',
    });
    if (!r.computable) return;
    expect(r.successMeasure).toBeCloseTo(-0.18, 12);
    expect(r.bufferDisplacementMeasure).toBeCloseTo(0.46, 12);
    expect(r.wdq).toBeCloseTo(-0.46 / 0.18, 12);
    expect(r.totalNetEffect).toBeCloseTo(-35, 12);
  });

  it('no change in the buffer relative to control: geen effect', () => {
    // B 40→20 while C 200→100: BDM = 20/100 − 40/200 = 0; A 100→30: SM = 0.3 − 0.5 = −0.2
    const r = computeDisplacement(input([100, 30], [40, 20], [200, 100]));
    expect(r).toMatchObject({ computable: true, wdq: 0, interpretation: 'geen effect' });
  });

  it('diffusion larger than the effect is said so', () => {
    // A 100→90 (SM = −0.05), B 100→80 (BDM = −0.10), C 100→100: WDQ = 2
    const r = computeDisplacement(input([100, 90], [100, 80], [100, 100]));
    expect(r).toMatchObject({ computable: true, wdq: 2 });
    if (r.computable) expect(r.explanation).toContain('groter dan het directe effect');
  });
});

describe('niet te berekenen', () => {
  it('no control events before or after: ratios undefined', () => {
    for (const control of [
      [0, 50],
      [50, 0],
    ] as [number, number][]) {
      const r = computeDisplacement(input([100, 60], [80, 90], control));
      expect(r).toMatchObject({ computable: false, successMeasure: null });
      if (!r.computable) expect(r.reason).toMatch(/^Niet te berekenen: in het controlegebied/);
    }
  });

  it('no target events before and after: nothing to displace', () => {
    const r = computeDisplacement(input([0, 0], [10, 20], [100, 100]));
    expect(r).toMatchObject({ computable: false, successMeasure: 0 });
    if (!r.computable) expect(r.reason).toContain('zowel ervoor als erna 0');
  });

  it('success measure ≥ 0: the target did not improve relative to control', () => {
    // SM = 60/100 − 50/100 = +0.10
    const r = computeDisplacement(input([50, 60], [10, 20], [100, 100]));
    expect(r).toMatchObject({ computable: false });
    if (r.computable) return;
    expect(r.successMeasure).toBeCloseTo(0.1, 12);
    expect(r.reason).toContain('succesmaat 0,100, niet kleiner dan 0');
    // SM exactly 0 (target changes like control) is not computable either.
    expect(computeDisplacement(input([50, 100], [10, 20], [100, 200])).computable).toBe(false);
  });

  it('invalid counts are explained, not thrown', () => {
    const r = computeDisplacement(input([-1, 5], [1, 1], [1, 1]));
    expect(r).toMatchObject({ computable: false });
    if (!r.computable) expect(r.reason).toContain('ongeldige telling voor doelgebied');
  });

  it('never returns NaN or Infinity, for every combination of counts 0–3', () => {
    for (let code = 0; code < 4 ** 6; code++) {
      const c = Array.from({ length: 6 }, (_, i) => Math.floor(code / 4 ** i) % 4);
      const r = computeDisplacement(
        input([c[0], c[1]], [c[2], c[3]], [c[4], c[5]]) as DisplacementInput,
      );
      const numbers = r.computable
        ? [r.successMeasure, r.bufferDisplacementMeasure, r.wdq, r.totalNetEffect]
        : [r.successMeasure ?? 0, r.bufferDisplacementMeasure ?? 0];
      expect(numbers.every(Number.isFinite)).toBe(true);
      if (!r.computable) expect(r.reason).toMatch(/^Niet te berekenen/);
    }
  });
});
