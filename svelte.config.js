import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: every route is rendered in the browser from one fallback page,
    // so the app can be hosted as static files on any intranet server.
    adapter: adapter({ fallback: 'index.html', strict: true }),
    paths: { base: process.env.BASE_PATH ?? '', relative: true },
  },
};

export default config;
