/**
 * The coordinators of Overzicht, Buitengebied, Gegevens, Management and the management
 * report without a browser: the data,
 * the workspace settings and the readiness signal are passed in (state/shared/page-deps.ts),
 * here as plain objects over the demo in DuckDB. Each view reads once per data version,
 * holds the readiness signal while it reads, shows an error instead of throwing and tries
 * a failed read again.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RISK_SETTINGS } from '../../src/lib/analysis/risk-score';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import type { WorkspaceSettings } from '../../src/lib/data/import/profiles';
import { BuitengebiedPage } from '../../src/lib/state/buitengebied/buitengebied-page.svelte';
import { GegevensPage } from '../../src/lib/state/import/gegevens-page.svelte';
import { ManagementPage } from '../../src/lib/state/management/management-page.svelte';
import { ReportPage } from '../../src/lib/state/management/report-page.svelte';
import { OverzichtPage } from '../../src/lib/state/overzicht/overzicht-page.svelte';
import type { BaseMap } from '../../src/lib/state/shared/base-map.svelte';
import type { WorkspaceDeps, WorkspaceStore } from '../../src/lib/state/shared/page-deps';
import { loadDemoInNode, readTruth, type Truth } from '../helpers/demo-node';

let demo: Connector;
let truth: Truth;

beforeAll(async () => {
  [demo, truth] = await Promise.all([loadDemoInNode(), readTruth()]);
});
afterAll(async () => {
  await demo?.close();
});

/** The readiness signal, counting what is pending and how often work began. */
function countingReadiness() {
  const signal = {
    pending: 0,
    begun: 0,
    begin() {
      signal.pending++;
      signal.begun++;
      let ended = false;
      return () => {
        if (!ended) signal.pending--;
        ended = true;
      };
    },
    whenIdle: (work: () => void) => work(),
  };
  return signal;
}

/** The app's data and settings, saving a change by running it and counting the saves. */
function memoryStore(connector: Connector, settings: WorkspaceSettings = { profiles: [] }) {
  const store: WorkspaceStore & { saves: number } = {
    status: 'gereed',
    dataVersion: 1,
    origin: 'demo',
    connector,
    settings,
    saves: 0,
    async commitChange(apply) {
      const value = await apply();
      store.saves++;
      return { value, caughtUp: false, saveError: null };
    },
  };
  return store;
}

function deps(connector: Connector, store = memoryStore(connector)) {
  const readiness = countingReadiness();
  return { data: store, readiness, store } satisfies WorkspaceDeps & Record<string, unknown>;
}

/** A database with the schema and no rows: every view has nothing to show. */
async function emptyDatabase(): Promise<Connector> {
  const conn = await createNodeConnector();
  await initDatabase(conn);
  return conn;
}

const pattern = (id: string) => truth.patterns.find((p) => p.id === id) as Record<string, unknown>;
const FRAME: BaseMap = {
  style: { version: 8, sources: {}, layers: [] },
  bounds: [
    [0, 0],
    [1, 1],
  ],
  wijken: { type: 'FeatureCollection', features: [] },
};

describe('Overzicht', () => {
  it('computes the attention items once per data version while the page is not ready', async () => {
    const { data, readiness } = deps(demo);
    const page = new OverzichtPage({ data, readiness });
    const computing = page.model.compute(demo, 1, '2026-12-06');
    expect(readiness.pending).toBe(1);
    await computing;
    expect(readiness.pending).toBe(0);
    const { model } = page;
    expect(model.error).toBeNull();
    expect(model.dataEnd).toBe(truth.period.to);
    expect(model.sections?.map((s) => s.role)).toEqual(['coordinator', 'manager', 'analist']);
    const keys = model.sections!.flatMap((s) => s.items.map((i) => i.key));
    expect(keys).toContain(`trend:${pattern('afval-stijging-oost').wijkcode as string}|afval`);
    expect(model.attention).toBe(
      model.sections!.flatMap((s) => s.items).filter((i) => i.tone === 'attention').length,
    );
    await page.model.compute(demo, 1, '2026-12-06'); // same data: nothing recomputed
    expect(readiness.begun).toBe(1);
  });

  it('leads to Gegevens when there are no records, and offers the demo choice on the demo', async () => {
    const empty = await emptyDatabase();
    try {
      const { data, readiness } = deps(empty);
      const page = new OverzichtPage({ data, readiness });
      await page.model.compute(empty, 1, '2026-12-06');
      expect([page.model.empty, page.model.sections, page.model.attention]).toEqual([
        true,
        null,
        0,
      ]);
      expect(page.welcome.shown).toBe(true);
      page.welcome.chooseDemo();
      expect(page.welcome.shown).toBe(false);
    } finally {
      await empty.close();
    }
  });

  it('shows an error for a database without tables, and tries again for the same data', async () => {
    const bare = await createNodeConnector();
    try {
      const { data, readiness } = deps(bare);
      const page = new OverzichtPage({ data, readiness });
      await page.model.compute(bare, 1, '2026-12-06');
      expect(page.model.error).toEqual(expect.any(String));
      expect(readiness.pending).toBe(0);
      await initDatabase(bare);
      await page.model.compute(bare, 1, '2026-12-06');
      expect([page.model.error, page.model.empty, readiness.begun]).toEqual([null, true, 2]);
    } finally {
      await bare.close();
    }
  });
});

describe('Gegevens', () => {
  it('lists the stored datasets and the theme table once per data version', async () => {
    const { data, readiness } = deps(demo);
    const page = new GegevensPage({ data, readiness });
    expect(readiness.pending).toBe(1); // not ready before the lists are on screen
    expect(page.hasDemo).toBe(true); // before the list: the app started with the demo
    await page.refresh(demo, 1);
    expect(readiness.pending).toBe(0);
    const demoGroup = page.workspace.datasets?.find((g) => g.dataset === 'demo');
    const rows = (table: string) => demoGroup?.tables.find((t) => t.table === table)?.rows;
    expect([rows('incidents'), rows('meldingen'), rows('visits')]).toEqual([
      truth.counts.incidents,
      truth.counts.meldingen,
      truth.counts.visits,
    ]);
    expect(page.hasDemo).toBe(true);
    const [{ n }] = await demo.query<{ n: number }>({
      sql: 'SELECT count(*)::INTEGER AS n FROM theme_mapping',
    });
    expect([page.themes.loaded, page.themes.rows.length]).toEqual([true, n]);
    const begun = readiness.begun;
    await page.refresh(demo, 1);
    expect(readiness.begun).toBe(begun); // the same data: nothing read again
  });

  it('keeps unsaved edits of the theme table when the data changes', async () => {
    const { data, readiness } = deps(demo);
    const page = new GegevensPage({ data, readiness });
    await page.refresh(demo, 1);
    const before = page.themes.rows.length;
    page.themes.add();
    await page.refresh(demo, 2);
    expect(page.themes.rows.length).toBe(before + 1);
    expect(page.themes.dirty).toBe(true);
  });

  it('has no demo once the list says so, and says why a list could not be read', async () => {
    const empty = await emptyDatabase();
    const bare = await createNodeConnector();
    try {
      const emptyPage = new GegevensPage(deps(empty));
      await emptyPage.refresh(empty, 1);
      expect([emptyPage.workspace.datasets, emptyPage.hasDemo]).toEqual([[], false]);
      const { data, readiness } = deps(bare);
      const barePage = new GegevensPage({ data, readiness });
      await barePage.refresh(bare, 1);
      expect(barePage.workspace.removal.error).toMatch(/^De lijst met datasets kon niet/);
      expect(barePage.themes.action.error).toMatch(/^De thema-indeling kon niet/);
      expect(readiness.pending).toBe(0);
    } finally {
      await Promise.all([empty.close(), bare.close()]);
    }
  });
});

describe('Buitengebied', () => {
  it('loads once per data version and opens on the highest-ranked building', async () => {
    const { data, readiness } = deps(demo);
    const page = new BuitengebiedPage({ data, readiness }, async () => FRAME);
    const loading = page.model.load(demo, 1);
    expect(readiness.pending).toBe(1);
    await loading;
    expect(readiness.pending).toBe(0);
    const { model } = page;
    expect([model.error, model.baseMap]).toEqual([null, FRAME]);
    expect(model.data?.buildings.length).toBe(truth.counts.buildings);
    // The planted vacant stal with rising signals ranks first and is chosen.
    expect(model.selected?.building.id).toBe(pattern('stal-signalen-leegstand').building_id);
    expect(model.prefs.risk).toEqual(DEFAULT_RISK_SETTINGS);
    await model.load(demo, 1);
    expect(readiness.begun).toBe(1);
  });

  it('keeps changed weights with the workspace settings, for the next visit', async () => {
    const store = memoryStore(demo);
    const first = new BuitengebiedPage(deps(demo, store), async () => FRAME);
    await first.model.load(demo, 1);
    const weights = { ...DEFAULT_RISK_SETTINGS.weights, dumping: 9 };
    first.model.setRisk({ ...DEFAULT_RISK_SETTINGS, weights });
    await first.model.savePrefs();
    expect(store.saves).toBe(1);
    const next = new BuitengebiedPage(deps(demo, store), async () => FRAME);
    await next.model.load(demo, 1);
    expect(next.model.prefs.risk.weights).toEqual(weights);
  });

  it('records a schouw of the chosen building as a visit, its role in the settings', async () => {
    const store = memoryStore(demo);
    const page = new BuitengebiedPage(deps(demo, store), async () => FRAME);
    await page.model.load(demo, 1);
    const id = page.model.selectedId!;
    const before = page.model.schouwHistory.get(id)?.length ?? 0;
    await page.recordSchouw({ date: '2026-11-02', outcome: 'aandachtspunt', role: 'BOA' });
    expect(store.saves).toBe(1);
    expect(Object.values(page.model.prefs.roles)).toContain('BOA');
    await page.model.load(demo, 2); // the change bumps the data version
    const history = page.model.schouwHistory.get(id)!;
    expect(history.length).toBe(before + 1);
    expect(history[0].outcome).toBe('aandachtspunt');
  });

  it('shows an error when the data cannot be read', async () => {
    const bare = await createNodeConnector();
    try {
      const { data, readiness } = deps(bare);
      const page = new BuitengebiedPage({ data, readiness }, async () => FRAME);
      await page.model.load(bare, 1);
      expect(page.model.error).toEqual(expect.any(String));
      expect([page.model.data, readiness.pending]).toEqual([null, 0]);
    } finally {
      await bare.close();
    }
  });
});

/** URL access over a plain URL, recording where the page navigated. */
function urlAt(href: string) {
  const access = {
    url: new URL(href, 'http://wijkradar.test'),
    visited: [] as { target: string; replace: boolean }[],
    navigate(target: string, options: { replace?: boolean } = {}) {
      access.visited.push({ target, replace: options.replace ?? false });
      access.url = new URL(target, access.url);
    },
  };
  return access;
}

describe('Management view', () => {
  it('is ready with its key figures and evaluation; the sections below say when they are', async () => {
    const { data, readiness } = deps(demo);
    const url = urlAt('/management?van=2025-11&tot=2026-10');
    const page = new ManagementPage({ url, data, readiness, filter: null as never });
    // Held from the start: the view, and each section below it.
    expect(readiness.pending).toBe(1);
    expect([page.handlingSection.ready, page.forecastSection.ready]).toEqual([false, false]);
    await page.load();
    expect(readiness.pending).toBe(0);
    expect(page.model.perWijk).toHaveLength(8);
    expect(page.evaluation.evaluation?.result.computable).toBe(true);
    // The forecast scores go on loading after the view, and are there once their section
    // says it is ready.
    expect(page.forecastSection.ready).toBe(false);
    expect(page.forecasts.scores).toBeNull();
    await vi.waitFor(() => expect(page.forecastSection.ready).toBe(true), { timeout: 30_000 });
    expect(page.forecasts.scores?.map((s) => s.dagdeel.id)).toEqual([
      'nacht',
      'ochtend',
      'middag',
      'avond',
    ]);
    expect(readiness.pending).toBe(0);
  });

  it('loads the map of the areas after the view, holding the map section meanwhile', async () => {
    const { data, readiness } = deps(demo);
    const page = new ManagementPage({
      url: urlAt('/management'),
      data,
      readiness,
      filter: null as never,
    });
    await page.load();
    expect(readiness.pending).toBe(0);
    expect(page.evaluation.zoneMap).toBeNull();
    expect(page.mapSection.ready).toBe(false);
    await vi.waitFor(() => expect(page.mapSection.ready).toBe(true), { timeout: 30_000 });
    expect(page.evaluation.zoneMap?.areas.map((a) => a.zone).sort()).toEqual([
      'buffer',
      'control',
      'target',
    ]);
    // The map component holds the section too while its script loads.
    const loading = page.mapSection.begin();
    expect(page.mapSection.ready).toBe(false);
    loading();
    expect(page.mapSection.ready).toBe(true);
  });
});

describe('Management report', () => {
  it('reads its link, loads while the page is not ready, and keeps the chosen wijken in the URL', async () => {
    const { data, readiness } = deps(demo);
    const url = urlAt(
      '/management/rapport?van=2025-11&tot=2026-10&gebied=interventie:IV-001&wijken=WK990103',
    );
    const page = new ReportPage({ url, data, readiness });
    expect(page.view.period).toEqual({ from: '2025-11', to: '2026-10' });
    expect(page.report.selection).toEqual(['WK990103']);
    expect(readiness.pending).toBe(1); // held before the first load starts
    await page.load();
    expect(readiness.pending).toBe(0);
    expect(page.report.error).toBeNull();
    expect(page.periodText).toBe('2025-11 t/m 2026-10');
    expect(page.report.kpiRows.map((row) => row.wijk)).toEqual(['Zuid']);
    expect(page.report.evaluations.map((e) => e.id)).toEqual(['IV-001']);

    const all = page.report.kpis.wijken.map((w) => w.code);
    const other = all.find((code) => code !== 'WK990103')!;
    page.toggle(other, true);
    expect(page.report.selection).toEqual(['WK990103', other]);
    expect(url.visited.at(-1)?.replace).toBe(true);
    expect(url.url.searchParams.get('wijken')).toBe(`WK990103,${other}`);
    expect(url.url.searchParams.get('gebied')).toBe('interventie:IV-001');
    // Every wijk chosen is written as none chosen: the report of the whole municipality.
    for (const code of all) if (!page.report.selection.includes(code)) page.toggle(code, true);
    expect(page.report.selection).toEqual([]);
    expect(url.url.searchParams.has('wijken')).toBe(false);
    page.toggle(other, false);
    expect(page.report.selection).toEqual(all.filter((code) => code !== other));
  });
});
