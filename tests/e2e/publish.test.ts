/**
 * Publiceren in real Chromium: the analyst downloads a publication from Gegevens; it is
 * unpacked next to a copy of the built app served under a sub-path without the demo; a
 * colleague's fresh browser opens on the published data with its version and date, asks
 * nothing outside the app's origin and gets the same query results; a damaged or truncated
 * file is named in Dutch and the last good version stays open; opening cancelled with
 * Annuleren opens the last good version too, else the demo, and says so.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BUILD_DIR } from '../../scripts/lib/preview-server';
import type { DatasetManifest } from '../../src/lib/data/publish';
import { sha256Hex } from '../../src/lib/data/sha256';
import { SERVER_SECURITY_HEADERS } from '../../scripts/lib/csp.js';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { PARITY_QUERIES } from '../helpers/parity-queries';
import {
  canvasHasContent,
  launchBrowser,
  openPage,
  type RecordedPage,
  runAxe,
  scaled,
  waitForReady,
} from './browser';
import { recordCspViolations, type CspViolations } from './csp-violations';

const baseUrl = inject('baseUrl');
let browser: Browser;
let work: string;
let site: string;
let server: StaticServer;
let analyst: RecordedPage;
let colleague: RecordedPage;
let colleagueRefused: CspViolations;

beforeAll(async () => {
  browser = await launchBrowser();
  work = await mkdtemp(path.join(tmpdir(), 'wijkradar-publish-e2e-'));
  site = path.join(work, 'site');
  // The deployed app without its demo: only the published dataset can be opened.
  await cp(BUILD_DIR, site, { recursive: true });
  await rm(path.join(site, 'demo'), { recursive: true, force: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function answers(page: Page) {
  const result: Record<string, unknown> = {};
  for (const [name, query] of Object.entries(PARITY_QUERIES)) {
    result[name] = await page.evaluate(
      `window.__wijkradar.query(${JSON.stringify(query)}).then((rows) => JSON.parse(JSON.stringify(rows)))`,
    );
  }
  return result;
}

const TRUNCATED_MELDINGEN =
  'Het bestand meldingen-2025.arrow van de gepubliceerde gegevens is onvolledig: de gegevens houden halverwege op.';

/**
 * Reloads `page` after a published file went bad: it gets ready, names the file (`reason`),
 * and has the last good version open, with the analyst's query results.
 */
async function reloadOnLastGoodVersion(page: Page, reason: string) {
  const before = await answers(analyst.page);
  await page.reload();
  await waitForReady(page, scaled(90_000));
  await expect
    .poll(() => page.getByRole('alert').first().textContent())
    .toContain(`${reason} De laatst goed geladen versie (2026-11 (team)) is geopend.`);
  expect(await page.getByTestId('dataset-badge').textContent()).toContain('versie 2026-11 (team)');
  expect(await answers(page)).toEqual(before);
}

describe('publishing the workspace for the team', () => {
  it('downloads a publication from Gegevens as one ZIP with a dataset folder', async () => {
    analyst = await openPage(browser);
    await analyst.page.goto(`${baseUrl}/gegevens`);
    await waitForReady(analyst.page);
    await analyst.page.getByTestId('publish-version').fill('2026-11 (team)');
    const [download] = await Promise.all([
      analyst.page.waitForEvent('download'),
      analyst.page.getByRole('button', { name: 'Publicatie maken' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('wijkradar-publicatie-2026-11-team.zip');
    await expect
      .poll(() => analyst.page.getByTestId('publish-status').textContent())
      .toContain('versie 2026-11 (team)');
    const zip = path.join(work, 'publicatie.zip');
    await download.saveAs(zip);
    execFileSync('python3', [
      '-c',
      'import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
      zip,
      site,
    ]);
    const manifest = JSON.parse(
      await readFile(path.join(site, 'dataset', 'manifest.json'), 'utf8'),
    );
    expect(manifest).toMatchObject({ version: '2026-11 (team)', data_until: '2026-10-31' });
    // Served with the security headers the README documents: the app must work under them
    // and under the policy each page carries itself (scripts/lib/csp.js).
    server = await startStaticServer(site, '/wijkradar', SERVER_SECURITY_HEADERS);
  });

  it('opens on the published data under a sub-path, showing its version and date, all from its own origin', async () => {
    colleague = await openPage(browser);
    colleagueRefused = await recordCspViolations(colleague.context);
    await colleague.page.goto(`${server.url}/`);
    await waitForReady(colleague.page);
    const badge = colleague.page.getByTestId('dataset-badge');
    await expect
      .poll(() => badge.textContent())
      .toMatch(/Donderdeel: gegevens t\/m 31 okt\.? 2026 · versie 2026-11 \(team\)/);
    const origin = new URL(server.url).origin;
    expect(
      colleague.requests.filter(
        (url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'),
      ),
    ).toEqual([]);
    expect(
      colleague.requests.some((url) => url.includes('/wijkradar/dataset/incidents-2026.arrow')),
    ).toBe(true);
    expect(colleague.requests.some((url) => url.includes('/demo/') || url.endsWith('.csv'))).toBe(
      false,
    );
    // The page starts the engine before the app's code runs (early-downloads.ts) and the
    // app adopts it: one engine, its WebAssembly fetched once.
    const engines = colleague.requests.filter((url) => /\/duckdb-[\w-]+\.[\w-]+\.wasm$/.test(url));
    expect(engines).toHaveLength(1);
    expect(engines[0]).toMatch(/\/duckdb-eh\.[\w-]+\.wasm$/);
    expect(colleague.consoleErrors).toEqual([]);
  });

  it('shows the steps of opening the published dataset while it loads', async () => {
    const opening = await openPage(browser);
    try {
      const { page } = opening;
      // Held when it starts loading the files into the engine (src/lib/state/shared/step-hold.ts).
      await page.addInitScript(() => {
        (window as unknown as { __wijkradarHold: unknown }).__wijkradarHold = { at: 'load' };
      });
      await page.goto(`${server.url}/`);
      const steps = page.getByTestId('start-progress').locator('li');
      await page.waitForSelector(
        '[data-testid="start-progress"] li[data-step="load"][data-state="bezig"]',
      );
      expect(
        await steps.evaluateAll((items) => items.map((li) => li.getAttribute('data-state'))),
      ).toEqual(['klaar', 'klaar', 'bezig', 'wacht']);
      expect(await steps.allTextContents()).toEqual([
        expect.stringContaining('Bestanden ophalen en controleren'),
        expect.stringContaining('Rekenmodule starten'),
        expect.stringContaining('Gegevens laden'),
        expect.stringContaining('Controle op persoonsgegevens'),
      ]);
      expect(
        await page.getByRole('progressbar', { name: 'Voortgang' }).getAttribute('aria-valuetext'),
      ).toBe('Stap 3 van 4: Gegevens laden');
      // Opening can be cancelled (the last tests below do): the last good version opens then.
      expect(await page.getByTestId('start-cancel').textContent()).toBe('Annuleren');
      await page.evaluate(() =>
        (
          window as unknown as { __wijkradarHold: { release: () => void } }
        ).__wijkradarHold.release(),
      );
      await waitForReady(page);
      expect(await page.getByTestId('start-progress').count()).toBe(0);
      expect(await page.getByTestId('dataset-badge').textContent()).toContain('2026-11 (team)');
    } finally {
      await opening.context.close();
    }
  });

  it('works under the documented Content-Security-Policy on every view', async () => {
    const { page, consoleErrors } = colleague;
    for (const view of ['Verkennen', 'Tijden', 'Wijken', 'Buitengebied', 'Management']) {
      await page.getByRole('link', { name: view, exact: true }).click();
      await page.waitForURL((url) => url.pathname.endsWith(`/${view.toLowerCase()}`));
      await waitForReady(page);
    }
    await page.getByRole('link', { name: 'Overzicht', exact: true }).click();
    await waitForReady(page);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    expect(colleagueRefused.list).toEqual([]);
  });

  it('loads only the recent years when the briefing is opened, and the rest for other views', async () => {
    const briefing = await openPage(browser);
    const refused = await recordCspViolations(briefing.context);
    try {
      const { page, requests } = briefing;
      await page.goto(`${server.url}/briefing`);
      await waitForReady(page);
      const firstYear = () =>
        page.evaluate(
          `window.__wijkradar.query({ sql: 'SELECT min(year(occurred_from))::INTEGER AS y FROM incidents' }).then((r) => r[0].y)`,
        );
      expect(await firstYear()).toBe(2026);
      // Every slide names the data it shows.
      await expect
        .poll(() => page.getByTestId('slide-source').first().textContent())
        .toMatch(/gegevens t\/m 31 okt\.? 2026 · versie 2026-11 \(team\)/);
      expect(requests.some((url) => url.includes('incidents-2024.arrow'))).toBe(false);
      // The page starts these downloads before the app's code runs (early-downloads.ts);
      // the app takes them over: nothing is downloaded twice.
      const dataset = requests.filter((url) => url.includes('/wijkradar/dataset/'));
      expect(dataset.filter((url) => url.endsWith('/manifest.json'))).toHaveLength(1);
      expect(dataset.filter((url) => url.endsWith('/incidents-2026.arrow'))).toHaveLength(1);
      expect(new Set(dataset).size).toBe(dataset.length);
      await page.getByRole('link', { name: 'Overzicht' }).click();
      await expect.poll(firstYear, { timeout: scaled(30_000) }).toBe(2023);
      await waitForReady(page);
      expect(await page.getByRole('row', { name: /Incidenten/ }).textContent()).toContain('15.000');
      // The page's early downloads and the briefing ran under both policies, refused nothing.
      expect(refused.list).toEqual([]);
    } finally {
      await briefing.context.close();
    }
  });

  it('shows the briefing from the published files while the engine has not started, unchanged once it has', async () => {
    const briefing = await openPage(browser);
    try {
      const { page } = briefing;
      // DuckDB's WebAssembly is held back: the briefing must not need it.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/*.wasm', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${server.url}/briefing?datum=2026-07-17&dagdeel=avond`);
      await page
        .getByTestId('expected-list')
        .waitFor({ state: 'attached', timeout: scaled(30_000) });
      // Both maps made and drawn (their scale bars are part of the text).
      await page.waitForFunction(
        () => performance.getEntriesByName('briefing.drawn', 'mark').length > 0,
        undefined,
        { timeout: scaled(30_000) },
      );
      const deck = page.getByTestId('briefing-deck');
      // The slides' text, without the line on the forecasts' track record: that line needs
      // the database and follows once the engine is there (forecast-track.svelte.ts).
      const slidesText = () =>
        deck.evaluate((element) => {
          const copy = element.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('[data-testid="forecast-track"]').forEach((n) => n.remove());
          return copy.textContent;
        });
      const shown = await slidesText();
      expect(await page.getByTestId('forecast-track').count()).toBe(0);
      expect(shown).toMatch(/gegevens t\/m 31 okt\.? 2026 · versie 2026-11 \(team\)/);
      expect(await page.getByTestId('expected-list').locator('li').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('dataset-badge').textContent()).toContain('2026-11 (team)');
      // No engine yet: no database handle, the app not ready, its start announced.
      expect(await page.evaluate('typeof window.__wijkradar')).toBe('undefined');
      expect(await page.evaluate('document.documentElement.dataset.ready')).toBe('false');
      await expect.poll(() => canvasHasContent(page, '[data-testid="briefing-deck"]')).toBe(true);
      expect(await runAxe(page)).toEqual([]);

      release();
      await waitForReady(page);
      expect(await page.evaluate('typeof window.__wijkradar')).toBe('object');
      // The engine gives the same briefing: it is not computed or drawn again; the track
      // record of the forecasts is added to it.
      expect(await slidesText()).toBe(shown);
      await page
        .getByTestId('forecast-track')
        .waitFor({ state: 'attached', timeout: scaled(30_000) });
      expect(await page.getByTestId('forecast-track').textContent()).toMatch(
        /Voorspelling vorige weken/,
      );
      expect(
        await page.evaluate(`performance.getEntriesByName('briefing.compute', 'measure').length`),
      ).toBe(1);
    } finally {
      await briefing.context.close();
    }
  });

  it('gives the colleague the same query results as the analyst', async () => {
    expect(await answers(colleague.page)).toEqual(await answers(analyst.page));
  });

  it('reports a damaged file in Dutch and keeps the last good version open', async () => {
    const { page } = colleague;
    // The last good version is kept in the background after opening.
    await expect
      .poll(() => page.evaluate('localStorage.getItem("wijkradar.published")'), {
        timeout: scaled(60_000),
      })
      .toContain('2026-11 (team)');
    const file = path.join(site, 'dataset', 'meldingen-2025.arrow');
    const bytes = await readFile(file);
    bytes[bytes.length >> 1] ^= 0xff;
    await writeFile(file, bytes);
    await reloadOnLastGoodVersion(
      page,
      'Het bestand meldingen-2025.arrow van de gepubliceerde gegevens is beschadigd of hoort bij een andere versie (controlegetal klopt niet).',
    );
    expect(await runAxe(page)).toEqual([]);
  });

  it('names a truncated file whose checksum matches, opens the last good version and gets ready', async () => {
    const { page } = colleague;
    // An interrupted copy: the file's first 4 KB (before the byte the test above changed),
    // listed in the manifest with its own size and checksum.
    const dataset = path.join(site, 'dataset');
    const file = path.join(dataset, 'meldingen-2025.arrow');
    const cut = (await readFile(file)).subarray(0, 1 << 12);
    await writeFile(file, cut);
    const manifest = JSON.parse(
      await readFile(path.join(dataset, 'manifest.json'), 'utf8'),
    ) as DatasetManifest;
    const entry = manifest.files.find((f) => f.path === 'meldingen-2025.arrow')!;
    Object.assign(entry, { bytes: cut.length, sha256: await sha256Hex(cut) });
    await writeFile(path.join(dataset, 'manifest.json'), JSON.stringify(manifest));
    await reloadOnLastGoodVersion(page, TRUNCATED_MELDINGEN);
  });

  it('without an earlier version in the browser, opens the demo after the truncated file', async () => {
    // This deployment ships the demo after all; a fresh profile has no cached version.
    await cp(path.join(BUILD_DIR, 'demo'), path.join(site, 'demo'), { recursive: true });
    const fresh = await openPage(browser);
    try {
      await fresh.page.goto(`${server.url}/`);
      await waitForReady(fresh.page, 90_000);
      await expect
        .poll(() => fresh.page.getByRole('alert').first().textContent())
        .toContain(
          `${TRUNCATED_MELDINGEN} Er is in deze browser geen eerdere versie; de demogemeente Donderdeel is geladen.`,
        );
      expect(await fresh.page.getByTestId('dataset-badge').textContent()).toContain(
        'Demogemeente Donderdeel (fictief)',
      );
      expect(await answers(fresh.page)).toEqual(await answers(analyst.page));
    } finally {
      await fresh.context.close();
    }
  });

  /** Opens the app in `page`, held where the files load, and cancels there. */
  async function cancelOpening(page: Page): Promise<string> {
    await page.addInitScript(() => {
      (window as unknown as { __wijkradarHold: unknown }).__wijkradarHold = { at: 'load' };
    });
    await page.goto(`${server.url}/`);
    await page.waitForSelector(
      '[data-testid="start-progress"] li[data-step="load"][data-state="bezig"]',
    );
    await page.getByTestId('start-cancel').click();
    await waitForReady(page, scaled(90_000));
    await expect.poll(() => page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('start-progress').count()).toBe(0);
    return (await page.getByRole('alert').first().textContent()) ?? '';
  }

  it('cancelled while it opens, opens the last good version in this browser and says so', async () => {
    const { page } = colleague;
    const warning = await cancelOpening(page);
    expect(warning).toContain(
      'Het openen van de gepubliceerde gegevens is geannuleerd. De laatst goed geladen versie (2026-11 (team)) is geopend.',
    );
    // The cancel, not the truncated file, decided: the load never got to that file.
    expect(warning).not.toContain(TRUNCATED_MELDINGEN);
    expect(await page.getByTestId('dataset-badge').textContent()).toContain(
      'versie 2026-11 (team)',
    );
    expect(await answers(page)).toEqual(await answers(analyst.page));
  });

  it('cancelled in a fresh browser without an earlier version, opens the demo and says so', async () => {
    const fresh = await openPage(browser);
    try {
      const warning = await cancelOpening(fresh.page);
      expect(warning).toContain(
        'Het openen van de gepubliceerde gegevens is geannuleerd. Er is in deze browser geen eerdere versie; de demogemeente Donderdeel is geladen.',
      );
      expect(await fresh.page.getByTestId('dataset-badge').textContent()).toContain(
        'Demogemeente Donderdeel (fictief)',
      );
      expect(await answers(fresh.page)).toEqual(await answers(analyst.page));
    } finally {
      await fresh.context.close();
    }
  });
});
