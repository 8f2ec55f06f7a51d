/**
 * The app's Content-Security-Policy, in one place (issue 27, item 10).
 *
 * Every built page carries the page policy as a `<meta http-equiv>` (svelte.config.js):
 * SvelteKit adds the hash of its own start script, hooks.server.ts that of the early
 * download script in app.html and puts the policy first in the head. So it holds on any web
 * server without configuration. A meta policy cannot carry `frame-ancestors`; the server
 * adds that (and nosniff) with SERVER_CSP (README, "Beveiligingsheaders"). Both policies
 * apply, each must allow a request: the server's may only tighten, never widen the page's.
 *
 * No 'unsafe-inline' for scripts or styles: the app's styles are files, and Svelte, MapLibre,
 * deck.gl and Chart.js set styles through the CSSOM (element.style), which CSP leaves alone.
 * The one style attribute in markup is SvelteKit's route announcer (SVELTEKIT_ANNOUNCER_STYLE).
 * Sources, by need:
 * - 'wasm-unsafe-eval': compiling DuckDB-WASM's WebAssembly (and parquet-wasm's).
 * - worker-src blob:: the engine's worker starts from a small blob script that loads
 *   DuckDB-WASM's worker file (data/engine-worker.ts); MapLibre's worker is a file.
 * - img-src data: blob:: MapLibre's control icons are data: SVGs in its CSS; its images
 *   (sprites) are decoded from blob: URLs.
 * - connect-src https://api.pdok.nl: only PDOK's Achtergrondkaart, requested after the
 *   user has confirmed in this browser (src/lib/display/pdok.ts). A server policy with
 *   `connect-src 'self'` switches it off for a whole deployment.
 * - connect-src, region servers: none by default. A region's publication names its server
 *   (issue 25); the documented deployment puts it under the app's own origin (a reverse
 *   proxy path), which 'self' covers. A server on another origin is refused by the app before
 *   any request (data/region-manifest.ts) unless the build names that origin in
 *   WIJKRADAR_REGION_ORIGINS: then the app allows it and the policy lists it here.
 */

/** PDOK's API origin: style, tiles, sprites and glyphs of the optional online base map. */
export const PDOK_ORIGIN = 'https://api.pdok.nl';

/**
 * The hash of the style attribute of SvelteKit's route announcer (the visually hidden
 * `#svelte-announcer` in its generated root component, which reads the new page's title to
 * screen readers): the only inline style the app renders. Allowed by this hash alone
 * ('unsafe-hashes'), not by 'unsafe-inline'; tests/unit/csp-policy.test.ts checks it against
 * the installed SvelteKit. app.css hides the announcer too, for browsers without
 * 'unsafe-hashes'.
 */
export const SVELTEKIT_ANNOUNCER_STYLE = 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo=';

/** The build setting that names region servers on other origins than the app's (README). */
export const REGION_ORIGINS_SETTING = 'WIJKRADAR_REGION_ORIGINS';

/**
 * The origins of the build setting (separated by commas or spaces), each exactly an
 * `https://` or `http://` origin (scheme, host, optional port; no path, no wildcard):
 * anything else stops the build, so that a typo never widens or silently drops a server.
 * @param {string | undefined} value
 * @returns {string[]}
 */
export function regionServerOrigins(value = process.env[REGION_ORIGINS_SETTING]) {
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
  return [
    ...new Set(
      entries.map((entry) => {
        let url = null;
        try {
          url = new URL(entry);
        } catch {
          // reported below
        }
        // No wildcards: in a policy `https://*.example` would allow every subdomain.
        const exact = url && /^https?:$/.test(url.protocol) && !url.hostname.includes('*');
        const origin = url && exact ? url.origin : null;
        if (!origin || entry.replace(/\/$/, '') !== origin) {
          throw new Error(
            `${REGION_ORIGINS_SETTING}: '${entry}' is geen origin (https://host[:poort], zonder pad).`,
          );
        }
        return origin;
      }),
    ),
  ];
}

/**
 * The page policy as SvelteKit's `kit.csp.directives` (keywords without quotes; SvelteKit
 * quotes them and appends the `'sha256-…'` of the page's inline scripts).
 * @type {NonNullable<NonNullable<import('@sveltejs/kit').KitConfig['csp']>['directives']>}
 */
export const PAGE_CSP_DIRECTIVES = {
  'default-src': ['self'],
  'script-src': ['self', 'wasm-unsafe-eval'],
  'style-src': ['self'],
  'style-src-attr': ['unsafe-hashes', SVELTEKIT_ANNOUNCER_STYLE],
  'img-src': ['self', 'data:', 'blob:'],
  'font-src': ['self'],
  'connect-src': ['self', PDOK_ORIGIN],
  'worker-src': ['self', 'blob:'],
  'object-src': ['none'],
  'base-uri': ['self'],
  'form-action': ['self'],
};

/**
 * The page policy of a build: PAGE_CSP_DIRECTIVES with the region server origins the build
 * allows (regionServerOrigins) added to connect-src.
 * @param {string[]} regionOrigins
 */
export function pageCspDirectives(regionOrigins = regionServerOrigins()) {
  const connect = PAGE_CSP_DIRECTIVES['connect-src'] ?? [];
  return { ...PAGE_CSP_DIRECTIVES, 'connect-src': [...connect, ...regionOrigins] };
}

/**
 * The Content-Security-Policy header for the web server (README): what a meta cannot carry
 * (`frame-ancestors`) and the directives that cost nothing twice. It names no script-src
 * or default-src, which would also govern the page's inline scripts and so need each
 * build's hashes; the page's own policy covers those.
 */
export const SERVER_CSP =
  "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

/**
 * The headers the README gives for nginx and IIS, as a test server sends them.
 * @type {Record<string, string>}
 */
export const SERVER_SECURITY_HEADERS = {
  'content-security-policy': SERVER_CSP,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
};
