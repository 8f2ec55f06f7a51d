/**
 * When the records layer draws every point, only the points around the map view, or a
 * density, and what the map says about it in Dutch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  choosePointMode,
  padBox,
  POINT_LIMIT,
  pointLimit,
  pointNotice,
} from '../../src/lib/state/explore-points';

describe('choosePointMode', () => {
  it('draws every point up to and including the limit', () => {
    expect(choosePointMode(0, null, POINT_LIMIT)).toBe('alle');
    expect(choosePointMode(POINT_LIMIT, null, POINT_LIMIT)).toBe('alle');
    expect(choosePointMode(60_000, 2_000_000, POINT_LIMIT)).toBe('alle');
  });

  it('above the limit draws the points in view when those are few enough', () => {
    expect(choosePointMode(1_050_000, 80_000, POINT_LIMIT)).toBe('beeld');
    expect(choosePointMode(1_050_000, POINT_LIMIT, POINT_LIMIT)).toBe('beeld');
  });

  it('otherwise, or while the view is unknown, shows a density', () => {
    expect(choosePointMode(POINT_LIMIT + 1, null, POINT_LIMIT)).toBe('dichtheid');
    expect(choosePointMode(1_050_000, POINT_LIMIT + 1, POINT_LIMIT)).toBe('dichtheid');
  });
});

describe('padBox', () => {
  it('widens the view by a quarter on every side', () => {
    expect(padBox([6, 52, 6.4, 52.2])).toEqual([5.9, 51.95, 6.5, 52.25]);
  });
});

describe('pointNotice', () => {
  const base = { total: 1_050_000, inView: null, limit: POINT_LIMIT, drawn: 0 };
  it('says nothing when every point is drawn', () => {
    expect(pointNotice({ ...base, total: 5_000, mode: 'alle', drawn: 5_000 })).toBeNull();
  });

  it('names the exact count in Dutch when showing a density', () => {
    expect(pointNotice({ ...base, mode: 'dichtheid' })).toBe(
      'Te veel punten om los te tonen (1.050.000) — getoond als dichtheid; zoom in of filter verder.',
    );
  });

  it('says how many of how many points are drawn around the view', () => {
    expect(pointNotice({ ...base, mode: 'beeld', inView: 43_210, drawn: 43_210 })).toBe(
      'Alleen de punten in en rond het kaartbeeld worden getoond (43.210 van 1.050.000); zoom uit voor het geheel.',
    );
  });
});

describe('pointLimit', () => {
  afterEach(() => globalThis.localStorage?.removeItem('wijkradar.puntlimiet'));
  it('is the documented limit unless a test lowers it', () => {
    expect(pointLimit()).toBe(POINT_LIMIT);
  });
});
