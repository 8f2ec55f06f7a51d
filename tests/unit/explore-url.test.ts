import { describe, expect, it } from 'vitest';
import { exploreQuery, parseExploreView } from '../../src/lib/state/explore-url';

describe('Verkennen URL state', () => {
  it('round-trips layer and theme', () => {
    const view = { layer: 'hotspots' as const, theme: 'jeugd' };
    const query = exploreQuery(view);
    expect(query).toBe('?laag=hotspots&thema=jeugd');
    expect(parseExploreView(new URLSearchParams(query))).toEqual(view);
  });

  it('leaves defaults out and ignores unknown values', () => {
    expect(exploreQuery({ layer: 'punten', theme: '' })).toBe('');
    expect(parseExploreView(new URLSearchParams('laag=<script>&thema=drop table'))).toEqual({
      layer: 'punten',
      theme: '',
    });
  });
});
