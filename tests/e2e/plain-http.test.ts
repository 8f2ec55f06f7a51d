/**
 * Issue 27, item 8: a municipal intranet often serves the app over plain http on its own
 * host name, where the browser has no `crypto.subtle` (not a secure context). The
 * checksums of a publication and of a workspace file must still be computed and checked.
 * Chromium resolves the made-up host `wijkradar.intranet` to this machine, so the origin is
 * neither https nor localhost.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { launchBrowser, openPage, type RecordedPage, scaled, waitForReady } from './browser';
import { writePublishedSite } from './published-site';

const HOST = 'wijkradar.intranet';
let browser: Browser;
let work: string;
let server: StaticServer;
let origin: string;
/** The app's address under its sub-path on the intranet host. */
let app: string;
let session: RecordedPage;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'wijkradar-http-'));
  const site = path.join(work, 'site');
  await writePublishedSite(site, 'intranet-1');
  server = await startStaticServer(site, '/wijkradar');
  app = server.url.replace('127.0.0.1', HOST);
  origin = new URL(app).origin;
  browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
  session = await openPage(browser);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('on a plain-http intranet host (no secure context)', () => {
  it('opens a publication with its checksums verified', async () => {
    const { page } = session;
    await page.goto(`${app}/`);
    await waitForReady(page, scaled(120_000));
    expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.subtle])).toEqual([
      false,
      'undefined',
    ]);
    expect(await page.getByTestId('dataset-badge').textContent()).toContain('versie intranet-1');
    expect(await page.locator('.app-warning').count()).toBe(0);
  });

  it('exports and restores a workspace file', async () => {
    const { page } = session;
    await page.goto(`${app}/gegevens`);
    await waitForReady(page, scaled(120_000));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Werkruimte exporteren' }).click(),
    ]);
    const file = path.join(work, 'werkruimte.wijkradar');
    await download.saveAs(file);
    await page.getByLabel('Werkruimte herstellen').setInputFiles(file);
    await page.waitForSelector(
      '[data-testid="workspace-status"]:has-text("is hersteld"), [data-testid="workspace-error"]',
    );
    expect(await page.getByTestId('workspace-error').count()).toBe(0);
    const outside = session.requests.filter(
      (url) => !url.startsWith(origin) && !/^(blob|data):/.test(url),
    );
    expect(outside).toEqual([]);
  });
});
