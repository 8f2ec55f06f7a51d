/**
 * The browser tests' wait limits follow the machine's load (issue 27, item 13): a loaded or
 * CI machine gets longer limits, a fixed scale overrides the measurement.
 */
import { cpus, loadavg } from 'node:os';
import { expect, it } from 'vitest';
import { measureTimeScale } from '../helpers/time-scale';

it('uses E2E_TIME_SCALE when it is set', () => {
  expect(measureTimeScale({ E2E_TIME_SCALE: '3' })).toBe(3);
});

it('never goes below 2 in CI, nor above 8', () => {
  expect(measureTimeScale({ CI: 'true' })).toBeGreaterThanOrEqual(2);
  expect(measureTimeScale({})).toBeLessThanOrEqual(8);
});

it('grows with the load per core', () => {
  const busy = loadavg()[0] / cpus().length;
  expect(measureTimeScale({})).toBeCloseTo(Math.min(8, Math.max(1, 1 + busy)), 1);
});
