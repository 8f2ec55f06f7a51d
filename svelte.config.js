import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app hosted as static files on any intranet server, at its root or under
    // a sub-path (/wijkradar/) with the same build: every route is prerendered as an empty
    // shell (verkennen.html, …) whose asset paths are relative; 404.html answers unknown URLs.
    adapter: adapter({ fallback: '404.html', strict: true }),
    paths: { base: process.env.BASE_PATH ?? '', relative: true },
  },
};

export default config;
