/**
 * Runs when the pages are prerendered (every route is an empty shell, svelte.config.js):
 * writes the early download script into each page's head (state/early-downloads.ts), so
 * the published dataset downloads and the engine instantiates while the app's code loads;
 * then completes the page's Content-Security-Policy (coverInlineScripts).
 */
import { createHash } from 'node:crypto';
import type { Handle } from '@sveltejs/kit';
import { building } from '$app/environment';
import { BRIEFING_DAYS } from '$lib/data/published';
import { ENGINE_BUNDLES } from '$lib/data/engine-worker';
import { DATASET_DIR } from '$lib/data/publish';
import { earlyDownloadsScript } from '$lib/state/shared/early-downloads';

const MARKER = '/* wijkradar:early-downloads */';

export const handle: Handle = async ({ event, resolve }) => {
  let sources: string[] = [];
  const response = await resolve(event, {
    transformPageChunk: ({ html }) => {
      const page = injectEarlyDownloads(html);
      sources = inlineScriptSources(page);
      return coverInlineScripts(page);
    },
  });
  // `vite dev` renders on request and sends the policy as a header, not in the page.
  const header = response.headers.get('content-security-policy');
  if (header) response.headers.set('content-security-policy', withScriptSources(header, sources));
  return response;
};

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

const CSP_META = /<meta http-equiv="content-security-policy" content="([^"]*)">\s*/i;
const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The `'sha256-…'` source of every inline script in the page. */
export function inlineScriptSources(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)]
    .filter(([, attributes, content]) => !/\bsrc=/i.test(attributes) && content.trim())
    .map(([, , content]) => `'sha256-${createHash('sha256').update(content).digest('base64')}'`);
}

/** The policy with `sources` added to its script-src (once each). */
function withScriptSources(policy: string, sources: string[]): string {
  if (!/(^|; )script-src /.test(policy))
    throw new Error('Content-Security-Policy zonder script-src.');
  const missing = sources.filter((source) => !policy.includes(source));
  if (missing.length === 0) return policy;
  return policy.replace(
    /(^|; )script-src [^;]*/,
    (directive) => `${directive} ${missing.join(' ')}`,
  );
}

/**
 * Completes the Content-Security-Policy that SvelteKit wrote into a prerendered page
 * (kit.csp): it hashes only its own start script, and writes the policy before the page
 * is transformed and in the middle of the head. Here every inline script (app.html's,
 * filled in above) gets its `'sha256-…'` in script-src, and the policy moves to the top of
 * the head: a meta policy governs only what the page lists after it, and the early
 * download script runs before the head's other tags.
 */
export function coverInlineScripts(html: string): string {
  const meta = CSP_META.exec(html);
  if (!meta) {
    if (building)
      throw new Error('Pagina zonder Content-Security-Policy (kit.csp, svelte.config.js).');
    return html;
  }
  const policy = withScriptSources(meta[1], inlineScriptSources(html));
  const tag = `<meta http-equiv="content-security-policy" content="${policy}">`;
  const withoutMeta = html.replace(CSP_META, '');
  const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(withoutMeta);
  if (!charset) throw new Error('Pagina zonder <meta charset> vóór de Content-Security-Policy.');
  const at = charset.index + charset[0].length;
  return `${withoutMeta.slice(0, at)}\n    ${tag}${withoutMeta.slice(at)}`;
}
