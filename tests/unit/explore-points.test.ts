/**
 * When the records layer draws every point, only the points around the map view, or a
 * density, and what the map says about it in Dutch.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  choosePointMode,
  padBox,
  POINT_LIMIT,
  pointLimit,
  pointNotice,
  SOFTWARE_POINT_LIMIT,
  softwareLimited,
} from '../../src/lib/state/explore/explore-points';

describe('choosePointMode', () => {
  it('draws every point up to and including the limit', () => {
    expect(choosePointMode(0, null, POINT_LIMIT)).toBe('alle');
    expect(choosePointMode(POINT_LIMIT, null, POINT_LIMIT)).toBe('alle');
    expect(choosePointMode(60_000, 2_000_000, POINT_LIMIT)).toBe('alle');
  });

  it('above the limit draws the points in view when those are few enough', () => {
    expect(choosePointMode(1_050_000, 80_000, POINT_LIMIT)).toBe('beeld');
    expect(choosePointMode(1_050_000, POINT_LIMIT, POINT_LIMIT)).toBe('beeld');
  });

  it('otherwise, or while the view is unknown, shows a density', () => {
    expect(choosePointMode(POINT_LIMIT + 1, null, POINT_LIMIT)).toBe('dichtheid');
    expect(choosePointMode(1_050_000, POINT_LIMIT + 1, POINT_LIMIT)).toBe('dichtheid');
  });
});

describe('padBox', () => {
  it('widens the view by a quarter on every side', () => {
    expect(padBox([6, 52, 6.4, 52.2])).toEqual([5.9, 51.95, 6.5, 52.25]);
  });
});

describe('pointNotice', () => {
  const base = { total: 1_050_000, inView: null, limit: POINT_LIMIT, drawn: 0 };
  it('says nothing when every point is drawn', () => {
    expect(pointNotice({ ...base, total: 5_000, mode: 'alle', drawn: 5_000 })).toBeNull();
  });

  it('names the exact count in Dutch when showing a density', () => {
    expect(pointNotice({ ...base, mode: 'dichtheid' })).toBe(
      'Veel punten (1.050.000): getoond als dichtheid. Zoom in of filter voor losse punten.',
    );
  });

  it('says how many of how many points are drawn around the view', () => {
    expect(pointNotice({ ...base, mode: 'beeld', inView: 43_210, drawn: 43_210 })).toBe(
      'Alleen de punten in en rond het kaartbeeld worden getoond (43.210 van 1.050.000); zoom uit voor het geheel.',
    );
  });
});

describe('pointLimit', () => {
  afterEach(() => globalThis.localStorage?.removeItem('wijkradar.puntlimiet'));
  it('is the documented limit unless a test lowers it', () => {
    expect(pointLimit()).toBe(POINT_LIMIT);
  });

  // Renderer names as browsers report them (WEBGL_debug_renderer_info).
  const SOFTWARE = [
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'Google SwiftShader',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
  ];
  const GPU = [
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'ANGLE (Intel, Intel(R) UHD Graphics 620 (0x00005917) Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'Apple M2',
    'Mesa Intel(R) Xe Graphics (TGL GT2)',
  ];

  it('is lower where the map is drawn without a GPU, without saying so in jargon', () => {
    for (const name of SOFTWARE) {
      expect(pointLimit(name), name).toBe(SOFTWARE_POINT_LIMIT);
      expect(softwareLimited(SOFTWARE_POINT_LIMIT, name), name).toBe(true);
    }
    for (const name of GPU) {
      expect(pointLimit(name), name).toBe(POINT_LIMIT);
      expect(softwareLimited(POINT_LIMIT, name), name).toBe(false);
    }
    const display = {
      mode: 'dichtheid' as const,
      total: 45_000,
      inView: null,
      limit: SOFTWARE_POINT_LIMIT,
      drawn: 0,
      software: true,
    };
    // One plain line, without the renderer's technicalities (issue 26).
    expect(pointNotice(display)).toBe(
      'Veel punten (45.000): getoond als dichtheid. Zoom in of filter voor losse punten.',
    );
    expect(pointNotice(display)).not.toMatch(/GPU|grafische/);
  });

  it("takes a limit set by a test or benchmark over the renderer's", () => {
    const stored = new Map([['wijkradar.puntlimiet', '5000']]);
    vi.stubGlobal('localStorage', { getItem: (key: string) => stored.get(key) ?? null });
    try {
      expect(pointLimit(SOFTWARE[0])).toBe(5000);
      expect(pointLimit(GPU[0])).toBe(5000);
      stored.set('wijkradar.puntlimiet', 'veel');
      expect(pointLimit(SOFTWARE[0])).toBe(SOFTWARE_POINT_LIMIT);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
