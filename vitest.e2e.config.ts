import { defineConfig } from 'vitest/config';
import { measureTimeScale } from './tests/helpers/time-scale';

// Browser tests: real Chromium (Debian's) driven by playwright-core against the built app
// served by `vite preview`. Run after `vite build`. Every wait limit is scaled for how busy
// the machine is (tests/helpers/time-scale.ts); the scale is passed to the test files.
const scale = measureTimeScale();
process.stderr.write(`Browsertests: wachttijden × ${scale} (belasting van de machine)\n`);

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000 * scale,
    hookTimeout: 120_000 * scale,
    expect: { poll: { timeout: 10_000 * scale } },
    fileParallelism: false,
    env: { TZ: 'Europe/Amsterdam', E2E_TIME_SCALE: String(scale) },
  },
});
