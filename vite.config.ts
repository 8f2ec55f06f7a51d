import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { regionServerOrigins } from './scripts/lib/csp.js';
import { demoSnapshotPlugin } from './scripts/lib/demo-snapshot';
import { measureTimeScale } from './tests/helpers/time-scale';

// Test limits scale with the machine's load, as the browser tests' (tests/helpers/time-scale.ts):
// a test that runs the import:check CLI twice takes 30 s on two busy cores.
const scale = measureTimeScale();

export default defineConfig({
  plugins: [sveltekit(), demoSnapshotPlugin()],
  // The region server origins besides its own that the app may query (build setting
  // WIJKRADAR_REGION_ORIGINS; data/region-manifest.ts), the same list svelte.config.js adds
  // to the page policy's connect-src.
  define: { __REGION_SERVER_ORIGINS__: JSON.stringify(regionServerOrigins()) },
  build: {
    // The two DuckDB-WASM bundles are large by nature; only the selected one is fetched.
    chunkSizeWarningLimit: 4000,
  },
  server: { fs: { allow: ['data'] } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000 * scale,
    hookTimeout: 60_000 * scale,
    env: { TZ: 'Europe/Amsterdam', E2E_TIME_SCALE: String(scale) },
  },
});
