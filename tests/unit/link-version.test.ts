/**
 * The data version in a shared link (issue 26): "Link kopiëren" adds the open publication's
 * version, and a page opened from a link made on another version says so in Dutch; no
 * notice when the versions match or the link names none.
 */
import { describe, expect, it } from 'vitest';
import {
  linkedVersionOf,
  sharedLink,
  versionNotice,
  type OpenData,
} from '../../src/lib/state/shared/link-version';

const published = (version: string, dataUntil: string | null = '2026-11-30'): OpenData => ({
  origin: 'gepubliceerd',
  dataset: { version, dataUntil, municipality: 'Donderdeel', publishedAt: '2026-12-01T08:00Z' },
});
const demo: OpenData = { origin: 'demo', dataset: null };
const workspace: OpenData = { origin: 'opgeslagen', dataset: null };
const params = (query: string) => new URLSearchParams(query);

describe('the link to share', () => {
  it('carries the version of the published data that is open, keeping the view', () => {
    const link = sharedLink(
      'https://intranet/wijkradar/tijden?thema=afval',
      published('2026-12 (team)'),
    );
    const url = new URL(link);
    expect(url.pathname).toBe('/wijkradar/tijden');
    expect(url.searchParams.get('thema')).toBe('afval');
    expect(url.searchParams.get('versie')).toBe('2026-12 (team)');
    // The default version (the publication moment) survives the address.
    const stamp = new URL(sharedLink('https://intranet/?x=1', published('2026-12-01 09:15')));
    expect(stamp.searchParams.get('versie')).toBe('2026-12-01 09:15');
  });

  it("replaces the version of the link it was opened from with the open data's", () => {
    const link = sharedLink(
      'https://intranet/wijken?versie=2026-11&periode=3',
      published('2026-12'),
    );
    expect(new URL(link).searchParams.get('versie')).toBe('2026-12');
    expect(new URL(link).searchParams.get('periode')).toBe('3');
  });

  it('carries no version for the demo or an own workspace, and leaves a plain address as it is', () => {
    const href = 'http://localhost:4173/verkennen?kader=6.1,52,6.2,52.1&thema=jeugd';
    expect(sharedLink(href, demo)).toBe(href);
    expect(sharedLink(href, workspace)).toBe(href);
    expect(linkedVersionOf(demo)).toBeNull();
    // A stale version from the link it came from is dropped: this data is not that version.
    expect(
      new URL(sharedLink(href + '&versie=2026-11', workspace)).searchParams.has('versie'),
    ).toBe(false);
  });

  it('leaves out a version longer than the key carries', () => {
    expect(linkedVersionOf(published('x'.repeat(81)))).toBeNull();
    expect(linkedVersionOf(published('x'.repeat(80)))).toBe('x'.repeat(80));
  });
});

describe('the notice of a link made on other data', () => {
  it('names both versions and the date of the open data', () => {
    expect(
      versionNotice(params('thema=afval&versie=2026-11 (team)'), published('2026-12 (team)')),
    ).toMatch(
      /^Deze link is gemaakt op de gegevens van versie 2026-11 \(team\); u ziet nu de gegevens van versie 2026-12 \(team\) \(t\/m 30 nov\.? 2026\)\. Cijfers kunnen afwijken\.$/,
    );
  });

  it('says what is open when that is no publication', () => {
    expect(versionNotice(params('versie=2026-11'), demo)).toBe(
      'Deze link is gemaakt op de gegevens van versie 2026-11; u ziet nu de demogemeente ' +
        'Donderdeel (fictief). Cijfers kunnen afwijken.',
    );
    expect(versionNotice(params('versie=2026-11'), workspace)).toContain(
      'u ziet nu de eigen werkruimte in deze browser.',
    );
    expect(versionNotice(params('versie=2026-11'), published('2026-12', null))).toContain(
      'u ziet nu de gegevens van versie 2026-12. Cijfers',
    );
  });

  it('is absent when the versions match, the link names none or its version is unreadable', () => {
    expect(versionNotice(params('versie=2026-12&thema=afval'), published('2026-12'))).toBeNull();
    expect(versionNotice(params('thema=afval'), published('2026-12'))).toBeNull();
    expect(versionNotice(params('thema=afval'), demo)).toBeNull();
    expect(versionNotice(params('versie='), published('2026-12'))).toBeNull();
    expect(versionNotice(params('versie=a%0Ab'), published('2026-12'))).toBeNull();
  });
});
