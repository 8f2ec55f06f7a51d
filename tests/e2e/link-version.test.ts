/**
 * The data version in a shared link (issue 26): on a team's published data, "Link
 * kopiëren" puts the view's address with the publication's version on the clipboard; that
 * link opens without a notice while the same version is published, and a link made on
 * another version opens with a polite Dutch notice (role status) naming both versions,
 * which the user can close. Axe finds no violations and nothing leaves the app's origin.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_SECURITY_HEADERS } from '../../scripts/lib/csp.js';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import {
  launchBrowser,
  openPage,
  type RecordedPage,
  runAxe,
  scaled,
  waitForReady,
} from './browser';
import { writePublishedSite } from './published-site';

const VERSION = '2026-12 (team)';
let browser: Browser;
let work: string;
let server: StaticServer;
let session: RecordedPage;
/** The link "Link kopiëren" put on the clipboard. */
let copied: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'wijkradar-link-version-'));
  const site = path.join(work, 'site');
  await writePublishedSite(site, VERSION);
  server = await startStaticServer(site, '/wijkradar', SERVER_SECURITY_HEADERS);
  browser = await launchBrowser();
  session = await openPage(browser, undefined, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const notice = () => session.page.getByTestId('link-version-notice');

describe('the data version in a shared link', () => {
  it('Link kopiëren adds the version of the published data to the view', async () => {
    const { page } = session;
    await page.goto(`${server.url}/tijden?bron=meldingen&thema=afval`);
    await waitForReady(page, scaled(120_000));
    await page.getByRole('button', { name: 'Link kopiëren' }).click();
    await expect
      .poll(() => page.getByTestId('copy-link-status').textContent())
      .toContain(`Link gekopieerd, met versie ${VERSION} van de gegevens.`);
    copied = await page.evaluate(() => navigator.clipboard.readText());
    const link = new URL(copied);
    expect(link.pathname).toBe('/wijkradar/tijden');
    expect(Object.fromEntries(link.searchParams)).toEqual({
      bron: 'meldingen',
      thema: 'afval',
      versie: VERSION,
    });
    // The address bar keeps showing the view only.
    expect(new URL(page.url()).searchParams.has('versie')).toBe(false);
    expect(await notice().count()).toBe(0);
  });

  it('opens the copied link without a notice while the same version is published', async () => {
    const { page } = session;
    await page.goto(copied);
    await waitForReady(page, scaled(120_000));
    expect(await page.getByTestId('dataset-badge').textContent()).toContain(`versie ${VERSION}`);
    expect(await notice().count()).toBe(0);
  });

  it('says a link was made on another version, politely, until the user closes it', async () => {
    const { page } = session;
    const older = new URL(copied);
    older.searchParams.set('versie', '2026-11 (team)');
    await page.goto(older.toString());
    await waitForReady(page, scaled(120_000));
    await notice().waitFor();
    expect(await notice().getAttribute('role')).toBe('status');
    expect(await notice().textContent()).toMatch(
      /Deze link is gemaakt op de gegevens van versie 2026-11 \(team\); u ziet nu de gegevens van versie 2026-12 \(team\) \(t\/m 31 okt\.? 2026\)\. Cijfers kunnen afwijken\./,
    );
    // The view of the link opened as it was.
    expect(new URL(page.url()).searchParams.get('thema')).toBe('afval');
    expect(await runAxe(page)).toEqual([]);

    await notice().getByRole('button', { name: 'Sluiten' }).click();
    expect(await notice().count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhoud');
    const origin = new URL(server.url).origin;
    expect(
      session.requests.filter((url) => !url.startsWith(origin) && !/^(blob|data):/.test(url)),
    ).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
