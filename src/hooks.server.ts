/**
 * Runs when the pages are prerendered (every route is an empty shell, svelte.config.js):
 * writes the early download script into each page's head (state/early-downloads.ts), so
 * the published dataset downloads while the app's code loads.
 */
import type { Handle } from '@sveltejs/kit';
import { BRIEFING_DAYS } from '$lib/data/published';
import { DATASET_DIR } from '$lib/data/publish';
import { earlyDownloadsScript } from '$lib/state/early-downloads';

const MARKER = '/* wijkradar:early-downloads */';

export const handle: Handle = ({ event, resolve }) =>
  resolve(event, {
    transformPageChunk: ({ html }) => injectEarlyDownloads(html),
  });

/** Replaces the marker in app.html's script (`data-assets`: the page's relative asset path). */
export function injectEarlyDownloads(html: string): string {
  const datasetDir = `document.currentScript.dataset.assets + ${JSON.stringify(`/${DATASET_DIR}/`)}`;
  return html.replace(MARKER, earlyDownloadsScript(datasetDir, BRIEFING_DAYS));
}
