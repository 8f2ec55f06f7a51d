/**
 * The browser tests' wait limits follow the machine's load (issue 27, item 13): a loaded or
 * CI machine gets longer limits, a fixed scale overrides the measurement.
 */
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
  expect(measureTimeScale({}, 0, 2)).toBe(1);
  // Two busy loops on two cores: twice the limits.
  expect(measureTimeScale({}, 2, 2)).toBe(2);
  expect(measureTimeScale({}, 3.05, 2)).toBe(2.6);
  expect(measureTimeScale({}, 40, 2)).toBe(8);
  expect(measureTimeScale({ CI: 'true' }, 0, 2)).toBe(2);
});
