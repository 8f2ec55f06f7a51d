import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { demoSnapshotPlugin } from './scripts/lib/demo-snapshot';

export default defineConfig({
  plugins: [sveltekit(), demoSnapshotPlugin()],
  build: {
    // The two DuckDB-WASM bundles are large by nature; only the selected one is fetched.
    chunkSizeWarningLimit: 4000,
  },
  server: { fs: { allow: ['data'] } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { TZ: 'Europe/Amsterdam' },
  },
});
