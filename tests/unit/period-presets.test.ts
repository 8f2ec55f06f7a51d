/**
 * The shared filter's period presets (state/period-presets.ts) from a fixed "now" in
 * Europe/Amsterdam: calendar boundaries, the day change around midnight, leap years.
 */
import { describe, expect, it } from 'vitest';
import {
  activePreset,
  dayInZone,
  presetPeriod,
  presetReference,
} from '../../src/lib/state/shared/period-presets';

describe('dayInZone', () => {
  it('takes the Amsterdam calendar day, not the UTC one', () => {
    // 23:30 UTC on New Year's Eve is already 1 January in Amsterdam (UTC+1).
    expect(dayInZone(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    // 22:30 UTC on 30 June is 00:30 on 1 July in summer time (UTC+2).
    expect(dayInZone(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(dayInZone(new Date('2026-06-30T21:59:00Z'))).toBe('2026-06-30');
  });
});

describe('presetPeriod', () => {
  const today = dayInZone(new Date('2026-12-06T10:00:00Z'));
  it('laatste 4 weken: 28 days up to and including today', () => {
    expect(presetPeriod('laatste-4-weken', today)).toEqual({
      from: '2026-11-09',
      to: '2026-12-06',
    });
    // Across a year and through a leap day.
    expect(presetPeriod('laatste-4-weken', '2027-01-10')).toEqual({
      from: '2026-12-14',
      to: '2027-01-10',
    });
    expect(presetPeriod('laatste-4-weken', '2028-03-05')).toEqual({
      from: '2028-02-07',
      to: '2028-03-05',
    });
  });
  it('dit kwartaal and dit jaar start at the calendar boundary', () => {
    expect(presetPeriod('dit-kwartaal', today)).toEqual({ from: '2026-10-01', to: '2026-12-06' });
    expect(presetPeriod('dit-kwartaal', '2026-03-31')).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(presetPeriod('dit-kwartaal', '2026-04-01')).toEqual({
      from: '2026-04-01',
      to: '2026-04-01',
    });
    expect(presetPeriod('dit-jaar', today)).toEqual({ from: '2026-01-01', to: '2026-12-06' });
  });
  it('vorig jaar is the whole previous calendar year', () => {
    expect(presetPeriod('vorig-jaar', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    const newYear = dayInZone(new Date('2026-12-31T23:30:00Z'));
    expect(presetPeriod('vorig-jaar', newYear)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
  it('refuses a malformed reference', () => {
    expect(() => presetPeriod('dit-jaar', '6-12-2026')).toThrow(RangeError);
  });
});

describe('presetReference and activePreset', () => {
  it('counts back from the data’s last day when the data ends before today', () => {
    expect(presetReference('2026-12-06', '2026-10-31')).toBe('2026-10-31');
    expect(presetReference('2026-12-06', '2026-12-24')).toBe('2026-12-06');
    expect(presetReference('2026-12-06', null)).toBe('2026-12-06');
  });
  it('recognises the preset a selection has', () => {
    expect(activePreset('2026-10-01', '2026-10-31', '2026-10-31')).toBe('dit-kwartaal');
    expect(activePreset('2025-01-01', '2025-12-31', '2026-10-31')).toBe('vorig-jaar');
    expect(activePreset('2025-01-01', null, '2026-10-31')).toBeNull();
    expect(activePreset('2025-01-02', '2025-12-31', '2026-10-31')).toBeNull();
  });
});
