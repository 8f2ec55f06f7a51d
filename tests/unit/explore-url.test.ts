import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  parseExploreView,
  writeExploreView,
  type ExploreView,
} from '../../src/lib/state/explore/explore-url';

describe('Verkennen URL state', () => {
  it('round-trips layers, settings and the map view, keeping the filter parameters', () => {
    const view: ExploreView = {
      layers: ['punten', 'hotspots', 'gebieden'],
      cell: 200,
      neighbourhood: { distance: 500 },
      bandwidth: 500,
      areaLevel: 'buurt',
      measure: 'per1000',
      step: 6,
      basemap: 'pdok',
      map: { lon: 6.21234, lat: 52.07111, zoom: 13.5 },
    };
    const params = writeExploreView(new URLSearchParams('thema=jeugd&van=2026-01-01'), view);
    expect(params.get('thema')).toBe('jeugd');
    expect(params.get('van')).toBe('2026-01-01');
    expect(params.get('lagen')).toBe('punten,gebieden,hotspots');
    expect(params.get('kaart')).toBe('6.21234,52.07111,13.50');
    const back = parseExploreView(params);
    expect(back).toEqual({ ...view, layers: ['punten', 'gebieden', 'hotspots'] });
  });

  it('leaves defaults out and ignores unknown or tampered values', () => {
    expect(writeExploreView(new URLSearchParams(), DEFAULT_VIEW).toString()).toBe('');
    const parsed = parseExploreView(
      new URLSearchParams('lagen=<script>,punten&cel=7&buren=r99&kaart=999,1,2&achtergrond=x'),
    );
    expect(parsed).toEqual({ ...DEFAULT_VIEW, layers: ['punten'] });
  });

  it('reads the rings and distance band of the Gi* neighbourhood', () => {
    expect(parseExploreView(new URLSearchParams('buren=r2')).neighbourhood).toEqual({ rings: 2 });
    expect(parseExploreView(new URLSearchParams('buren=300m')).neighbourhood).toEqual({
      distance: 300,
    });
  });

  it('opens old links (?laag=hotspots) with the hotspot layer', () => {
    expect(parseExploreView(new URLSearchParams('laag=hotspots')).layers).toEqual(['hotspots']);
  });
});
