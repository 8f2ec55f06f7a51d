/**
 * The app on a region server (issue 25) in real Chromium: the built app is served with a
 * region's publication whose manifest names the server, behind a reverse proxy that sets
 * the identity header as nginx would (README, "Regioserver"); the same municipality's
 * ordinary publication is served beside it, loaded into the browser. Both tabs show the same
 * numbers, the region's tab asks nothing outside its origin, and Gegevens explains that the
 * region's data cannot be edited there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR } from '../../scripts/lib/preview-server';
import { writePublication } from '../../scripts/lib/publish-files';
import { publishRegion } from '../../scripts/lib/region-publish';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import type { Query } from '../../src/lib/data/connector';
import { buildPublication } from '../../src/lib/data/publish';
import { buildPeriodQuery, buildTableCountsQuery } from '../../src/lib/data/queries/overview';
import {
  buildDrilldownBaseQuery,
  buildDrilldownSummaryQuery,
} from '../../src/lib/data/queries/drilldown';
import { buildFilterValuesQuery } from '../../src/lib/data/queries/filter-options';
import { buildMonthlyKpiQuery } from '../../src/lib/data/queries/management';
import { loadDemoInNode } from '../helpers/demo-node';
import { launchBrowser, openPage, scaled, waitForReady, type RecordedPage } from './browser';

let browser: Browser;
let work: string;
let inBrowser: StaticServer;
let regionSite: StaticServer;
let region: { url: string; process: ChildProcess };
let proxy: Server;
let proxyUrl: string;
let local: RecordedPage;
let remote: RecordedPage;

/** The reverse proxy: /dataset/query to the region server with the user's identity. */
async function startProxy(site: StaticServer, server: { url: string }): Promise<Server> {
  const target = (url: string) => new URL(url);
  const front = createServer((req, res) => {
    const isQuery = req.url === '/dataset/query';
    const to = target(isQuery ? `${server.url}/query` : `${site.url}${req.url}`);
    const headers: Record<string, string | string[] | undefined> = {
      ...req.headers,
      host: to.host,
    };
    delete headers['x-wijkradar-user'];
    if (isQuery) headers['x-wijkradar-user'] = 'analist.regio';
    const forward = httpRequest(to, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return front;
}

/** `npm run serve:region` as a deployment runs it (tsx), on a free port. */
function startServeRegion(config: string): Promise<{ url: string; process: ChildProcess }> {
  // One process (tsx as Node's loader), so that stopping it stops the server.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'server/src/main.ts', '--config', config],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /luistert op (http:\/\/127\.0\.0\.1:\d+)\/query/.exec(out)?.[1];
      if (url) resolve({ url, process: child });
    });
    child.once('exit', (code) => reject(new Error(`serve:region stopte (${code}): ${out}`)));
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  work = await mkdtemp(path.join(tmpdir(), 'wijkradar-region-e2e-'));
  const conn = await loadDemoInNode();
  await writePublication(
    await buildPublication(conn, { version: 'regio-test', now: new Date('2026-12-01T10:00:00Z') }),
    path.join(work, 'publication'),
  );
  await conn.close();
  const summary = await publishRegion(
    [{ path: path.join(work, 'publication') }],
    path.join(work, 'region'),
  );
  for (const [site, dataset] of [
    ['site-local', path.join(work, 'publication')],
    ['site-region', path.join(work, 'region', 'dataset')],
  ]) {
    await cp(BUILD_DIR, path.join(work, site), { recursive: true });
    await rm(path.join(work, site, 'demo'), { recursive: true, force: true });
    await cp(dataset, path.join(work, site, 'dataset'), { recursive: true });
  }
  inBrowser = await startStaticServer(path.join(work, 'site-local'));
  regionSite = await startStaticServer(path.join(work, 'site-region'));
  const config = path.join(work, 'server.json');
  await writeFile(
    config,
    JSON.stringify({
      port: 0,
      database: summary.database,
      auditLog: path.join(work, 'audit.jsonl'),
      users: { 'analist.regio': { role: 'regio', gemeenten: summary.gemeenten } },
    }),
  );
  region = await startServeRegion(config);
  proxy = await startProxy(regionSite, region);
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

  local = await openPage(browser);
  await local.page.goto(`${inBrowser.url}/`);
  await waitForReady(local.page, scaled(90_000));
  remote = await openPage(browser);
  await remote.page.goto(`${proxyUrl}/`);
  await waitForReady(remote.page, scaled(90_000));
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => proxy?.close(resolve));
  if (region) {
    const exited = new Promise((resolve) => region.process.once('exit', resolve));
    region.process.kill('SIGTERM');
    await exited;
  }
  await inBrowser?.stop();
  await regionSite?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function shownCounts(page: Page) {
  return page.$$eval('[data-testid^="count-"]', (cells) =>
    Object.fromEntries(
      cells.map((c) => [c.getAttribute('data-testid'), c.getAttribute('data-value')]),
    ),
  );
}

/**
 * What the view at `url` shows once it has settled (nothing busy, the same twice in a row):
 * its alerts, the main content's text and every number it carries as data-value.
 */
async function settledView(page: Page, url: string) {
  await page.goto(url);
  await waitForReady(page, scaled(60_000));
  const read = () =>
    page.evaluate(() => {
      const main = document.querySelector('main') ?? document.body;
      return {
        busy: document.querySelector('[aria-busy="true"]') !== null,
        alerts: [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent ?? ''),
        values: [...main.querySelectorAll('[data-value]')].map(
          (e) =>
            `${e.getAttribute('data-testid') ?? e.getAttribute('data-kpi') ?? ''}=${e.getAttribute('data-value')}`,
        ),
        text: (main as HTMLElement).innerText,
      };
    });
  const deadline = Date.now() + scaled(60_000);
  let last = await read();
  for (;;) {
    await page.waitForTimeout(1000);
    const now = await read();
    const same = JSON.stringify(now) === JSON.stringify(last);
    if ((same && !now.busy) || Date.now() > deadline) return now;
    last = now;
  }
}

const rowsOn = (page: Page, query: Query) =>
  page.evaluate(
    `window.__wijkradar.query(${JSON.stringify(query)}).then((rows) => JSON.parse(JSON.stringify(rows)))`,
  );

describe('the app on a region server', () => {
  it('shows the same start page as the same data loaded in the browser', async () => {
    const counts = await shownCounts(local.page);
    expect(Object.keys(counts).length).toBeGreaterThan(3);
    expect(await shownCounts(remote.page)).toEqual(counts);
    for (const id of ['period-first', 'period-last']) {
      expect(await remote.page.getByTestId(id).textContent()).toBe(
        await local.page.getByTestId(id).textContent(),
      );
    }
  });

  it('answers the views’ builders with the same rows as the browser’s engine', async () => {
    for (const query of [
      buildTableCountsQuery(),
      buildPeriodQuery(),
      buildFilterValuesQuery(),
      buildMonthlyKpiQuery({ from: '2025-01-01', to: '2025-12-31' }),
      buildDrilldownSummaryQuery(
        buildDrilldownBaseQuery(
          ['incidents', 'meldingen'],
          { hours: [22, 23] },
          { kind: 'area', level: 'wijk', code: 'WK990100' },
        ),
      ),
    ]) {
      expect(query.call, 'builder tagged').toBeDefined();
      expect(await rowsOn(remote.page, query)).toEqual(await rowsOn(local.page, query));
    }
  });

  it('asks nothing outside its own origin and sends builder calls, not SQL', async () => {
    const outside = remote.requests.filter(
      (url) => !url.startsWith(proxyUrl) && !url.startsWith('data:') && !url.startsWith('blob:'),
    );
    expect(outside).toEqual([]);
    expect(remote.requests.filter((url) => url.endsWith('/dataset/query')).length).toBeGreaterThan(
      0,
    );
  });

  it('shows the same numbers on every view as the same data in the browser', async () => {
    for (const route of [
      'verkennen',
      'wijken',
      'tijden',
      'management',
      'buitengebied',
      'briefing',
    ]) {
      const local_ = await settledView(local.page, `${inBrowser.url}/${route}`);
      const remote_ = await settledView(remote.page, `${proxyUrl}/${route}`);
      expect(remote_.alerts, route).toEqual([]);
      expect(local_.text, `${route}: numbers shown`).toMatch(/\d{2}/);
      expect(remote_.values, route).toEqual(local_.values);
      // The briefing's footer names the dataset and its version: the region's are its own.
      const same = (text: string) => text.replace(/^.*(: gegevens t\/m [^·]*)· versie .*$/m, '$1');
      expect(same(remote_.text), route).toBe(same(local_.text));
    }
  });

  it('explains on Gegevens that the region’s data is read-only', async () => {
    await remote.page.goto(`${proxyUrl}/gegevens`);
    await waitForReady(remote.page, scaled(60_000));
    await expect
      .poll(() => remote.page.getByTestId('regio-alleen-lezen').textContent())
      .toContain('alleen te lezen');
    expect(await remote.page.getByRole('heading', { name: 'Gegevens inlezen' }).count()).toBe(0);
  });
});
