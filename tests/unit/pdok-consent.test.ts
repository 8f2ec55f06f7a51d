/**
 * The online PDOK basemap sends the map position to api.pdok.nl: a link or the checkbox
 * only asks for it, and PDOK is shown once this browser has consented (display/pdok.ts). The
 * page itself is tested in tests/e2e/verkennen.test.ts (no request leaves the origin).
 */
import { describe, expect, it } from 'vitest';
import {
  basemapToShow,
  PDOK_CONSENT_KEY,
  readPdokConsent,
  storePdokConsent,
} from '../../src/lib/display/pdok';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const blocked = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('SecurityError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('basemapToShow', () => {
  it('shows PDOK only with consent; asks when a link or the checkbox wants it without', () => {
    expect(basemapToShow('pdok', false)).toBe('vraag');
    expect(basemapToShow('pdok', true)).toBe('pdok');
    expect(basemapToShow('offline', true)).toBe('offline');
    expect(basemapToShow('offline', false)).toBe('offline');
  });
});

describe('consent in this browser', () => {
  it('is absent until given, remembered, and withdrawn', () => {
    const storage = memoryStorage();
    expect(readPdokConsent(storage)).toBe(false);
    storePdokConsent(true, storage);
    expect(storage.items.get(PDOK_CONSENT_KEY)).toBe('ja');
    expect(readPdokConsent(storage)).toBe(true);
    storePdokConsent(false, storage);
    expect(storage.items.has(PDOK_CONSENT_KEY)).toBe(false);
    expect(readPdokConsent(storage)).toBe(false);
  });

  it('counts only its own value as consent', () => {
    const storage = memoryStorage();
    storage.items.set(PDOK_CONSENT_KEY, 'true');
    expect(readPdokConsent(storage)).toBe(false);
  });

  it('without storage (policy, no browser) there is none, and asking does not throw', () => {
    expect(readPdokConsent(blocked)).toBe(false);
    expect(() => storePdokConsent(true, blocked)).not.toThrow();
    expect(readPdokConsent(null)).toBe(false);
    expect(readPdokConsent()).toBe(false); // Node: no localStorage
  });
});
