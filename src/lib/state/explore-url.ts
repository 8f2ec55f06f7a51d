/**
 * The Verkennen view's state in the URL (`?laag=hotspots&thema=jeugd`): a reload, the
 * back and forward buttons and a link sent to a colleague open the same view. Unknown or
 * tampered values fall back to the defaults.
 */
import { THEMES } from '$lib/data/themes';

export type ExploreLayer = 'punten' | 'hotspots';

export interface ExploreView {
  layer: ExploreLayer;
  /** '' = all themes. */
  theme: string;
}

export const DEFAULT_VIEW: ExploreView = { layer: 'punten', theme: '' };

export function parseExploreView(params: URLSearchParams): ExploreView {
  const layer = params.get('laag') === 'hotspots' ? 'hotspots' : 'punten';
  const theme = params.get('thema') ?? '';
  return { layer, theme: (THEMES as readonly string[]).includes(theme) ? theme : '' };
}

/** The query string for a view; defaults are left out so plain links stay plain. */
export function exploreQuery(view: ExploreView): string {
  const params = new URLSearchParams();
  if (view.layer !== DEFAULT_VIEW.layer) params.set('laag', view.layer);
  if (view.theme) params.set('thema', view.theme);
  const text = params.toString();
  return text ? `?${text}` : '';
}
