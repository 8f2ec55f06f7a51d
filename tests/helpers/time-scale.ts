/**
 * Test limits for a loaded machine. The browser tests wait on the app's own signals (data-ready, a shown element), never on
 * a fixed pause; their limits only decide when a wait counts as hung. On a loaded machine
 * everything is slower, so the limits are scaled: by E2E_TIME_SCALE when set, otherwise by
 * how busy the machine is when the suite starts — the 1-minute load average per core, plus
 * one (two busy processes on two cores: twice the limits) — and never below 2 in CI,
 * where the machine may be new and shared.
 */
import { cpus, loadavg } from 'node:os';

const MAX_SCALE = 8;

export function measureTimeScale(
  env: NodeJS.ProcessEnv = process.env,
  load = loadavg()[0],
  cores = cpus().length,
): number {
  const fixed = Number(env.E2E_TIME_SCALE);
  if (Number.isFinite(fixed) && fixed >= 1) return fixed;
  const busy = load / Math.max(1, cores);
  const floor = env.CI ? 2 : 1;
  return Math.min(MAX_SCALE, Math.max(floor, Math.ceil((1 + busy) * 10) / 10));
}

/** The scale this run uses (set by the vitest configs for every test file). */
export const TIME_SCALE = Number(process.env.E2E_TIME_SCALE) || 1;

/** A wait limit for this machine: `ms` on a quiet one. */
export const scaled = (ms: number): number => Math.round(ms * TIME_SCALE);
