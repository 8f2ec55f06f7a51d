// A single-page app: everything renders in the browser (DuckDB-WASM, WebGL).
export const ssr = false;
export const prerender = false;
export const trailingSlash = 'never';
