/**
 * A publication whose manifest names a region server on another origin than the app's
 * (README, "Regioserver op een ander adres"), in real Chromium: the build allows no other
 * origin, so the app refuses before any request — nothing reaches that server, the
 * publication's own files are not downloaded either, no request leaves the page's origin and
 * the policy refuses nothing — and it says in Dutch which address it refused and what to do.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_SECURITY_HEADERS } from '../../scripts/lib/csp.js';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { crossOriginMessage } from '../../src/lib/data/region-manifest';
import { DATASET_DIR, MANIFEST_FILE } from '../../src/lib/data/publish';
import { launchBrowser, openPage, scaled } from './browser';
import { recordCspViolations } from './csp-violations';
import { writePublishedSite } from './published-site';

let browser: Browser;
let work: string;
let site: StaticServer;
let elsewhere: Server;
let elsewhereOrigin: string;
/** What reached the server on the other origin. */
const reached: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  work = await mkdtemp(path.join(tmpdir(), 'wijkradar-region-origin-'));
  elsewhere = createServer((request, response) => {
    reached.push(`${request.method} ${request.url}`);
    response.writeHead(500).end();
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereOrigin = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
  // The demo's publication, with its files, whose manifest also names the other server.
  const root = path.join(work, 'site');
  await writePublishedSite(root, 'andere-origin');
  const file = path.join(root, DATASET_DIR, MANIFEST_FILE);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({ ...manifest, server: `${elsewhereOrigin}/query` }));
  site = await startStaticServer(root, '/wijkradar', SERVER_SECURITY_HEADERS);
});

afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await new Promise((resolve) => elsewhere?.close(resolve));
  if (work) await rm(work, { recursive: true, force: true });
});

describe('a region server on another origin', () => {
  it('is refused before any request, with what to do in Dutch, and nothing is loaded', async () => {
    const { context, page, requests } = await openPage(browser);
    const violations = await recordCspViolations(context);
    try {
      await page.goto(`${site.url}/`);
      const alert = page.getByRole('alert');
      await expect
        .poll(() => alert.textContent(), { timeout: scaled(60_000) })
        .toContain(crossOriginMessage(elsewhereOrigin, new URL(site.url).origin));
      expect(await alert.textContent()).toContain('De gegevens konden niet worden geladen.');
      await expect(alert.getByRole('button', { name: 'Opnieuw proberen' }).count()).resolves.toBe(
        1,
      );
      // Time for anything the app would still send.
      await page.waitForTimeout(scaled(1_000));
      expect(reached).toEqual([]);
      const origin = new URL(site.url).origin;
      // blob: URLs the page made itself (the engine's worker script) carry its origin.
      const outside = requests.filter((url) => !url.replace(/^blob:/, '').startsWith(`${origin}/`));
      expect(outside).toEqual([]);
      expect(requests.filter((url) => url.endsWith('.arrow'))).toEqual([]);
      expect(violations.list).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
