/**
 * The shared filter and a page coordinator without a browser: URL access, navigation and
 * the readiness signal are passed in (state/shared/page-deps.ts), here as plain objects.
 */
import { describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { SharedFilter } from '../../src/lib/state/shared/shared-filter.svelte';
import type { NavigateOptions, UrlAccess } from '../../src/lib/state/shared/url-access';
import { TimesPage } from '../../src/lib/state/times/times-page.svelte';
import { WijkenPage } from '../../src/lib/state/trends/wijken-page.svelte';

class FakeUrl implements UrlAccess {
  url: URL;
  visits: { target: string; options?: NavigateOptions }[] = [];
  constructor(start: string) {
    this.url = new URL(start, 'http://wijkradar.test');
  }
  navigate(target: string, options?: NavigateOptions): void {
    this.visits.push({ target, options });
    this.url = new URL(target, this.url);
  }
}

const readiness = { begin: () => () => {}, whenIdle: (work: () => void) => work() };
const data = { status: 'laden', dataVersion: 0, connector: {} as Connector };
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(start: string) {
  const url = new FakeUrl(start);
  const filter = new SharedFilter({ url, data, readiness });
  filter.syncFromUrl(url.url.searchParams);
  return { url, filter, deps: { url, filter, data, readiness } };
}

describe('shared filter', () => {
  it('opens an old link with the drawn rectangle in ?gebied=', () => {
    const { filter } = setup('/verkennen?thema=jeugd&gebied=6.1,52,6.2,52.1');
    expect(filter.selection.themes).toEqual(['jeugd']);
    expect(filter.selection.bbox).toEqual([6.1, 52, 6.2, 52.1]);
  });

  it("writes changes into the URL once, after the views started, keeping the view's own keys", async () => {
    const { url, filter } = setup('/tijden?maxvenster=6');
    filter.update({ themes: ['horeca'] });
    filter.update({ weekdays: [5, 6] });
    expect(url.visits).toEqual([]); // the views react first
    await nextTask();
    expect(url.visits).toHaveLength(1);
    expect(Object.fromEntries(url.url.searchParams)).toEqual({
      maxvenster: '6',
      thema: 'horeca',
      dag: 'vr,za',
    });
    expect(url.visits[0].options?.replace).toBeFalsy(); // a history entry: Back undoes it
  });

  it('carries only the filter to another view', () => {
    const { filter } = setup('/tijden?maxvenster=6&van=2026-06-01&bron=meldingen');
    expect(filter.navQuery).toBe('?van=2026-06-01&bron=meldingen');
    filter.clear();
    expect(filter.navQuery).toBe('');
  });

  it('rewrites an old rectangle as ?kader= with the next change', async () => {
    const { url, filter } = setup('/verkennen?gebied=6.1,52,6.2,52.1');
    filter.update({ themes: ['afval'] });
    await nextTask();
    expect(url.url.searchParams.has('gebied')).toBe(false);
    expect(url.url.searchParams.get('kader')).toBe('6.1,52,6.2,52.1');
  });
});

describe('page coordinators', () => {
  it('Tijden: a setting goes into the URL next to the filter, which runs ahead of the URL', () => {
    const { url, filter, deps } = setup('/tijden?thema=jeugd');
    const times = new TimesPage(deps);
    expect(times.view.maxWindowHours).toBe(72);
    filter.update({ themes: ['jeugd', 'horeca'] }); // not in the URL yet
    times.setView({ maxWindowHours: 6 });
    expect(url.visits.at(-1)?.target).toBe('/tijden?thema=jeugd%2Choreca&maxvenster=6');
    expect(times.view.maxWindowHours).toBe(6);
    expect(times.sourcesText).toBe('incidenten en meldingen');
  });

  it('Wijken: the period and measure from the URL, written back without defaults', () => {
    const { url, deps } = setup('/wijken?periode=3&maat=per1000&wijk=WK1');
    const wijken = new WijkenPage(deps);
    expect([wijken.periodMonths, wijken.measure]).toEqual([3, 'per1000']);
    wijken.setView({ periodMonths: 12, measure: 'aantal' });
    expect(url.visits.at(-1)?.target).toBe('/wijken?wijk=WK1');
    expect(wijken.seriesTheme).toBeNull(); // nothing computed yet: all themes together
  });
});
