import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { pageCspDirectives } from './scripts/lib/csp.js';
import { precompress } from './scripts/lib/precompress.js';

const staticAdapter = adapter({ fallback: '404.html', strict: true });

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app hosted as static files on any intranet server, at its root or under
    // a sub-path (/wijkradar/) with the same build: every route is prerendered as an empty
    // shell (verkennen.html, …) whose asset paths are relative; 404.html answers unknown URLs.
    // Plus a gzip copy of every large file for servers with `gzip_static` (README).
    adapter: {
      name: 'wijkradar-static',
      async adapt(builder) {
        await staticAdapter.adapt(builder);
        await precompress('build');
      },
    },
    paths: { base: process.env.BASE_PATH ?? '', relative: true },
    // Every page carries its Content-Security-Policy as a <meta>, with the hashes of its
    // inline scripts and no 'unsafe-inline' (scripts/lib/csp.js, hooks.server.ts); its
    // connect-src names the region servers on other origins the build allows
    // (WIJKRADAR_REGION_ORIGINS, the same list the app checks: vite.config.ts).
    csp: { mode: 'hash', directives: pageCspDirectives() },
  },
};

export default config;
