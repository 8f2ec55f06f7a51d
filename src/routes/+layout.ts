// A single-page app: everything renders in the browser (DuckDB-WASM, WebGL). Prerendering
// with ssr off writes one empty shell per route with relative asset paths, so the same
// build works at any sub-path (svelte.config.js).
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';
