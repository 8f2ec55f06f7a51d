/**
 * One meaning per URL key (state/shared/url-keys.ts): every page reads and writes its keys
 * through the registry, so a value that one page writes opens the same thing on another,
 * and links from before the registry still open the same view.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DAGDELEN } from '../../src/lib/analysis/briefing';
import { filterUrlCodec, parseFilterSelection } from '../../src/lib/state/shared/filter-url';
import { exploreUrlCodec } from '../../src/lib/state/explore/explore-url';
import { timesUrlCodec, wijkenUrlCodec } from '../../src/lib/state/times/times-url';
import { briefingUrlCodec } from '../../src/lib/state/briefing/briefing-url';
import {
  managementUrlCodec,
  parseManagementView,
} from '../../src/lib/state/management/management-url';
import { linkVersionUrlCodec } from '../../src/lib/state/shared/link-version';
import {
  LEGACY_KEYS,
  upgradeLegacyParams,
  URL_KEYS,
  type PageUrlCodec,
  type UrlKeyName,
} from '../../src/lib/state/shared/url-keys';

const FALLBACK_MOMENT = { date: '2026-01-01', dagdeel: DEFAULT_DAGDELEN[0] };

const PAGES: Record<string, PageUrlCodec<unknown>> = {
  filter: filterUrlCodec as PageUrlCodec<unknown>,
  verkennen: exploreUrlCodec as PageUrlCodec<unknown>,
  tijden: timesUrlCodec as PageUrlCodec<unknown>,
  wijken: wijkenUrlCodec as PageUrlCodec<unknown>,
  briefing: briefingUrlCodec(FALLBACK_MOMENT) as PageUrlCodec<unknown>,
  management: managementUrlCodec as PageUrlCodec<unknown>,
  // Every page: the data version a copied link was made on.
  link: linkVersionUrlCodec as PageUrlCodec<unknown>,
};

function examples(keys: readonly UrlKeyName[]): URLSearchParams {
  return new URLSearchParams(keys.map((key) => [key, URL_KEYS[key].example]));
}

describe('URL keys', () => {
  it('have a valid example each, read and written back unchanged by the registry', () => {
    for (const [name, key] of Object.entries(URL_KEYS)) {
      const value = (key.codec.parse as (raw: string) => unknown)(key.example);
      expect(value, name).not.toBeNull();
      expect((key.codec.format as (v: unknown) => string)(value), name).toBe(key.example);
    }
  });

  it('mean the same on every page: each page reads and writes every key as the registry does', () => {
    for (const [page, codec] of Object.entries(PAGES)) {
      const written = codec.write(new URLSearchParams(), codec.parse(examples(codec.keys)));
      for (const key of codec.keys) {
        const expected = LEGACY_KEYS.has(key) ? null : URL_KEYS[key].example;
        expect(written.get(key), `${page}: ${key}`).toBe(expected);
      }
      // Nothing a page writes is outside its declared, registered keys.
      for (const key of written.keys()) expect(codec.keys, `${page}: ${key}`).toContain(key);
    }
  });

  it('are shared where two pages use the same name (one list of names, no per-page copy)', () => {
    const pagesOf = new Map<string, string[]>();
    for (const [page, codec] of Object.entries(PAGES)) {
      for (const key of codec.keys) pagesOf.set(key, [...(pagesOf.get(key) ?? []), page]);
      expect(
        codec.keys.every((key) => key in URL_KEYS),
        page,
      ).toBe(true);
    }
    // The filter's theme list and Management's single theme are the same key and value.
    expect(pagesOf.get('thema')).toEqual(['filter', 'management']);
    expect(pagesOf.get('maat')).toEqual(['verkennen', 'wijken']);
  });
});

describe('links from before the URL registry', () => {
  it("open the filter's rectangle from ?gebied= and rewrite it as ?kader=", () => {
    const legacy = new URLSearchParams('thema=jeugd&gebied=6.1,52,6.2,52.1');
    expect(parseFilterSelection(legacy).bbox).toEqual([6.1, 52, 6.2, 52.1]);
    expect(upgradeLegacyParams(legacy)?.toString()).toBe('thema=jeugd&kader=6.1%2C52%2C6.2%2C52.1');
    const rewritten = filterUrlCodec.write(legacy, parseFilterSelection(legacy));
    expect(rewritten.has('gebied')).toBe(false);
    expect(rewritten.get('kader')).toBe('6.1,52,6.2,52.1');
  });

  it("open Management's months from ?van=&tot= and leave an evaluated area alone", () => {
    const legacy = new URLSearchParams('van=2025-11&tot=2026-10&gebied=interventie:IV-001');
    expect(parseManagementView(legacy)).toEqual({
      period: { from: '2025-11', to: '2026-10' },
      area: { kind: 'interventie', id: 'IV-001' },
    });
    const rewritten = managementUrlCodec.write(legacy, parseManagementView(legacy));
    expect([...rewritten.keys()].sort()).toEqual(['gebied', 'maanden']);
  });

  it("leave the filter's days alone", () => {
    expect(upgradeLegacyParams(new URLSearchParams('van=2026-06-01&tot=2026-08-31'))).toBeNull();
    expect(parseManagementView(new URLSearchParams('van=2026-06-01&tot=2026-08-31'))).toEqual({});
  });
});
