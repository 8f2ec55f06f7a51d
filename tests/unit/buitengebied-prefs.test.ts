/**
 * Stored Buitengebied preferences (workspace settings): what is valid is kept, anything
 * missing, negative or foreign falls back to the defaults, and roles are only the listed
 * roles (never free text, which could hold a name).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from '../../src/lib/analysis/risk-score';
import {
  latestSchouwByBuilding,
  readBuitengebiedPrefs,
} from '../../src/lib/state/buitengebied/buitengebied-prefs';

describe('readBuitengebiedPrefs', () => {
  it('nothing stored: the defaults, no roles', () => {
    expect(readBuitengebiedPrefs(undefined)).toEqual({ risk: DEFAULT_RISK_SETTINGS, roles: {} });
  });

  it('keeps valid values and replaces invalid ones with the defaults', () => {
    const prefs = readBuitengebiedPrefs({
      risk: {
        radiusM: 750,
        halfLifeDays: -3,
        periodDays: 'lang',
        partnerFactor: 0,
        weights: { dumping: 8, geur: -1, onbekend: 4 },
      },
      roles: { V1: 'Wijkagent', V2: 'Jan Jansen', V3: 12 },
    });
    expect(prefs.risk).toEqual({
      ...DEFAULT_RISK_SETTINGS,
      radiusM: 750,
      partnerFactor: 0,
      weights: { ...DEFAULT_RISK_SETTINGS.weights, dumping: 8 },
    });
    expect(prefs.roles).toEqual({ V1: 'Wijkagent' });
  });
});

describe('latestSchouwByBuilding', () => {
  it('groups visits per building, newest first', () => {
    const row = (id: string, target: string, day: number) => ({
      id,
      target,
      started_at: Date.UTC(2026, 0, day),
      outcome: 'niets aangetroffen',
      dataset: 'demo',
    });
    const byBuilding = latestSchouwByBuilding([
      row('a', 'BG-1', 1),
      row('b', 'BG-2', 2),
      row('c', 'BG-1', 3),
    ]);
    expect(byBuilding.get('BG-1')!.map((r) => r.id)).toEqual(['c', 'a']);
    expect(byBuilding.get('BG-2')!.map((r) => r.id)).toEqual(['b']);
  });
});
