import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
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
  },
};

export default config;
