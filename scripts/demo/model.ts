/**
 * Everything the record generators share for one seed: the geography, the calendar, the
 * farm buildings, the planted patterns and the margins records keep from the lines that
 * truth.json counts along. Random streams are derived per purpose from the seed, so that
 * changing one generator never shifts the numbers of another.
 */
import { createRandom, type Random } from '../../src/lib/analysis/random';
import type { Theme } from '../../src/lib/data/themes';
import { generateBuildings, type Building } from './buildings';
import { buildCalendar, type Calendar } from './calendar';
import { categoryTheme } from './catalog-index';
import { buildGeography, type Geography } from './geography';
import type { PatternDef } from './pattern-types';
import { hotspotPatterns } from './patterns-hotspots';
import { specialPatterns } from './patterns-special';
import { INTERVENTION } from './places';
import { makeAccept, type Accept, type MarginCircle, type MarginRules } from './placement';

export const DEFAULT_SEED = 20261123;
export const GENERATOR_VERSION = '1.0.0';

export interface Model {
  seed: number;
  g: Geography;
  cal: Calendar;
  buildings: Building[];
  patterns: PatternDef[];
  rules: MarginRules;
  /** Acceptance test for records of a theme ('any': clear of every pattern's lines). */
  accept(theme: Theme | 'any'): Accept;
  /** Visits only need to lie clearly inside one buurt. */
  acceptVisit: Accept;
}

/** FNV-1a of a label, mixed with the seed: one independent stream per purpose. */
export function streamFor(seed: number, label: string): Random {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return createRandom((seed ^ h) >>> 0);
}

/** Themes whose records a pattern counts: from its categories, else its theme. */
export function patternThemes(p: PatternDef): Theme[] {
  if (p.categories.length === 0) return p.theme ? [p.theme] : [];
  return [...new Set(p.categories.map(categoryTheme))];
}

function marginRules(patterns: readonly PatternDef[], buildings: readonly Building[]): MarginRules {
  const circles: MarginCircle[] = [];
  for (const p of patterns) {
    if (p.radiusM === null) continue;
    const radii = p.ringRadiusM ? [p.radiusM, p.ringRadiusM] : [p.radiusM];
    const centers = p.spots ? p.spots.map((s) => s.at) : [p.center];
    for (const at of centers) circles.push({ at, radii, themes: patternThemes(p) });
  }
  return {
    circles,
    buffered: [{ ring: INTERVENTION.ring, bufferM: INTERVENTION.bufferM, themes: ['jeugd'] }],
    buildings: buildings.map((b) => b.at),
  };
}

export function buildModel(seed: number): Model {
  const g = buildGeography();
  const cal = buildCalendar();
  const buildings = generateBuildings(g, streamFor(seed, 'buildings'));
  const patterns = [...hotspotPatterns(), ...specialPatterns(g)];
  const rules = marginRules(patterns, buildings);
  const accepts = new Map<string, Accept>();
  return {
    seed,
    g,
    cal,
    buildings,
    patterns,
    rules,
    accept(theme) {
      let a = accepts.get(theme);
      if (!a) {
        a = makeAccept(g, rules, theme === 'any' ? null : theme);
        accepts.set(theme, a);
      }
      return a;
    },
    acceptVisit: makeAccept(g, null, null),
  };
}
