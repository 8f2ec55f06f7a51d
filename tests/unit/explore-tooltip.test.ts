import type { PickingInfo } from '@deck.gl/core';
import { describe, expect, it } from 'vitest';
import { buildThemeBarsConfig, themeBarsHeight } from '../../src/lib/charts/theme-bars';
import { categoryLabel } from '../../src/lib/data/category-labels';
import { THEMES } from '../../src/lib/data/themes';
import { objectTooltip, recordTooltip } from '../../src/lib/display/explore-tooltip';

const picked = (layer: string, object: object) =>
  ({ layer: { id: layer }, object, x: 0, y: 0, index: 0 }) as unknown as PickingInfo;

describe('categories in Dutch words', () => {
  it('shows slugs as words, with Signalen’s slashes where it uses them', () => {
    expect(categoryLabel('lozing-dumping-bodemverontreiniging')).toBe(
      'Lozing / dumping / bodemverontreiniging',
    );
    expect(categoryLabel('onderhoud-stoep-straat-en-fietspad')).toBe(
      'Onderhoud stoep straat en fietspad',
    );
    expect(categoryLabel('parkeeroverlast')).toBe('Parkeeroverlast');
  });

  it('leaves a municipality’s own labels alone and names a missing one', () => {
    expect(categoryLabel('Overlast café')).toBe('Overlast café');
    expect(categoryLabel(null)).toBe('—');
    expect(categoryLabel('')).toBe('—');
  });

  it('is what a point’s tooltip shows', () => {
    const row = {
      id: 'M1',
      lon: 6.2,
      lat: 52,
      t: Date.UTC(2025, 0, 2, 3, 4),
      t_end: null,
      theme: 'afval',
      category: 'lozing-dumping-bodemverontreiniging',
      outcome: null,
      wijk: 'Centrum',
      buurt: null,
    };
    const text = recordTooltip('meldingen', row as Parameters<typeof recordTooltip>[1]);
    expect(text).toContain('Categorie: Lozing / dumping / bodemverontreiniging');
    expect(text).not.toContain('lozing-dumping');
  });
});

describe('hotspot tooltips', () => {
  const cell = { polygon: [], q: 0, r: 0, count: 0, z: 3.1, klass: 3 };
  it('says a hot cell is hot with its neighbours, not by its own (zero) count', () => {
    const text = objectTooltip(picked('hotspots', cell), 'aantal')!;
    expect(text.split('\n')).toEqual([
      'Hotspot (99%)',
      'Deze cel met zijn buren samen heeft opvallend veel registraties',
      'In de cel zelf: geen registraties',
      'Gi* z = 3,10',
    ]);
    expect(text).not.toMatch(/\b0 registraties/);
  });

  it('names a cold spot’s basis and a cell’s own count', () => {
    const text = objectTooltip(
      picked('hotspots', { ...cell, count: 1, z: -2.2, klass: -2 }),
      'aantal',
    )!;
    expect(text).toContain('opvallend weinig registraties');
    expect(text).toContain('In de cel zelf: 1 registratie');
  });
});

describe('theme bars', () => {
  it('labels every bar and leaves room for all eight', () => {
    const config = buildThemeBarsConfig(
      THEMES.map((theme, i) => ({ theme, n: 100 - i })),
      [],
    );
    const y = config.options!.scales!.y as { ticks: { autoSkip: boolean } };
    expect(y.ticks.autoSkip).toBe(false);
    expect(config.data.labels).toHaveLength(8);
    // 8 bars × 1.5 rem + 2 rem: 224 px, about 28 px a bar at 16 px per rem.
    expect(themeBarsHeight(8)).toBe(14);
    expect(themeBarsHeight(1)).toBe(6);
  });
});
