/**
 * Runs when the pages are prerendered (every route is an empty shell, svelte.config.js):
 * writes the early download script into each page's head (state/early-downloads.ts), so
 * the published dataset downloads and the engine instantiates while the app's code loads.
 */
import type { Handle } from '@sveltejs/kit';
import { BRIEFING_DAYS } from '$lib/data/published';
import { ENGINE_BUNDLES } from '$lib/data/engine-worker';
import { DATASET_DIR } from '$lib/data/publish';
import { earlyDownloadsScript } from '$lib/state/early-downloads';

const MARKER = '/* wijkradar:early-downloads */';

export const handle: Handle = ({ event, resolve }) =>
  resolve(event, {
    transformPageChunk: ({ html }) => injectEarlyDownloads(html),
  });

/** An asset's path below the app's assets folder, as the build names it (`/_app/…`). */
function assetPath(url: string): string {
  const at = url.indexOf('/_app/');
  return at >= 0 ? url.slice(at) : `/${url.replace(/^(\.\/|\/)/, '')}`;
}

/** Replaces the marker in app.html's script (`data-assets`: the page's relative asset path). */
export function injectEarlyDownloads(html: string): string {
  const assets = 'document.currentScript.dataset.assets';
  const datasetDir = `${assets} + ${JSON.stringify(`/${DATASET_DIR}/`)}`;
  // The engine the app's connector chooses in every browser that runs WebAssembly with
  // exceptions (data/duckdb-browser.ts; it stops a worker for another module).
  const { mainWorker, mainModule } = ENGINE_BUNDLES.eh;
  const engine = `{ worker: ${assets} + ${JSON.stringify(assetPath(mainWorker))}, wasm: ${assets} + ${JSON.stringify(assetPath(mainModule))} }`;
  return html.replace(MARKER, earlyDownloadsScript(datasetDir, BRIEFING_DAYS, engine));
}
