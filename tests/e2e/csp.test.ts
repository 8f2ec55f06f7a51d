/**
 * The Content-Security-Policy of the built app (scripts/lib/csp.js, hooks.server.ts): every
 * page of build/ carries it as a meta before anything it governs, allows its inline scripts
 * by their hashes and no other inline script or style; and in Chromium every view, the
 * printable report, the briefing and an import on Gegevens work under it without a single
 * refusal and without a request outside the app's origin. The first part reads build/, so
 * it lives with the browser tests, which run after the build.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SVELTEKIT_ANNOUNCER_STYLE } from '../../scripts/lib/csp.js';
import { BUILD_DIR } from '../../scripts/lib/preview-server';
import { PDOK_STYLE_URL } from '../../src/lib/display/pdok';
import {
  canvasHasContent,
  chooseImportFile,
  launchBrowser,
  openPage,
  waitForReady,
  type RecordedPage,
} from './browser';
import { recordCspViolations, type CspViolations } from './csp-violations';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
const PDOK = new URL(PDOK_STYLE_URL).origin;
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

async function builtPages(dir = BUILD_DIR): Promise<string[]> {
  const pages: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== '_app') pages.push(...(await builtPages(file)));
    else if (entry.name.endsWith('.html')) pages.push(file);
  }
  return pages;
}

/** The page's policy from its meta, as directive → sources; with where the meta stands. */
function pagePolicy(html: string) {
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)">/i.exec(html);
  if (!meta) return null;
  const directives = new Map<string, string[]>();
  for (const part of meta[1].replace(/&quot;/g, '"').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return { directives, at: meta.index };
}

/** The page without its scripts' text. */
const markup = (html: string) => html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1');

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the built pages', () => {
  let pages: { name: string; html: string }[];
  beforeAll(async () => {
    pages = await Promise.all(
      (await builtPages()).map(async (file) => ({
        name: path.relative(BUILD_DIR, file),
        html: await readFile(file, 'utf8'),
      })),
    );
  });

  it('include every route, the printable report, the briefing and the fallback page', () => {
    expect(pages.map((p) => p.name).sort()).toEqual(
      expect.arrayContaining([
        '404.html',
        'index.html',
        'verkennen.html',
        'tijden.html',
        'wijken.html',
        'buitengebied.html',
        'management.html',
        'management/rapport.html',
        'briefing.html',
        'gegevens.html',
      ]),
    );
  });

  it('each carry the policy first in the head, before any script, link or style', () => {
    for (const { name, html } of pages) {
      const policy = pagePolicy(html);
      expect(policy, name).not.toBeNull();
      const first = html.search(/<(script|link|style)\b/i);
      expect(policy!.at, name).toBeLessThan(first);
    }
  });

  it('each allow scripts from the app only: by file, or inline by hash, never unsafe-inline', () => {
    for (const { name, html } of pages) {
      const { directives } = pagePolicy(html)!;
      const scripts = directives.get('script-src')!;
      expect(scripts, name).toContain("'self'");
      expect(scripts, name).toContain("'wasm-unsafe-eval'");
      for (const source of scripts) {
        expect(source, name).toMatch(/^'(self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/]+=*)'$/);
      }
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
        ([, attributes]) => !/\bsrc=/i.test(attributes),
      );
      // app.html's early download script and SvelteKit's start script.
      expect(inline.length, name).toBe(2);
      for (const [, , content] of inline) expect(scripts, name).toContain(sha256(content));
      expect(directives.has('script-src-elem'), name).toBe(false);
      expect(directives.has('script-src-attr'), name).toBe(false);
      // No event handler attributes: the policy would refuse them.
      expect(markup(html), name).not.toMatch(/<[^>]+\son[a-z]+=/i);
    }
  });

  it('each allow styles from files only, and ship none inline', () => {
    for (const { name, html } of pages) {
      const { directives } = pagePolicy(html)!;
      expect(directives.get('style-src'), name).toEqual(["'self'"]);
      // SvelteKit's route announcer's style attribute, by its hash alone.
      expect(directives.get('style-src-attr'), name).toEqual([
        "'unsafe-hashes'",
        `'${SVELTEKIT_ANNOUNCER_STYLE}'`,
      ]);
      expect(markup(html), name).not.toMatch(/<style\b|\sstyle="/i);
    }
  });

  it('each keep everything else to the app, PDOK only for connections, no framing by meta', () => {
    for (const { name, html } of pages) {
      const { directives } = pagePolicy(html)!;
      expect(directives.get('default-src'), name).toEqual(["'self'"]);
      expect(directives.get('connect-src'), name).toEqual(["'self'", PDOK]);
      expect(directives.get('worker-src'), name).toEqual(["'self'", 'blob:']);
      expect(directives.get('img-src'), name).toEqual(["'self'", 'data:', 'blob:']);
      expect(directives.get('font-src'), name).toEqual(["'self'"]);
      expect(directives.get('object-src'), name).toEqual(["'none'"]);
      expect(directives.get('base-uri'), name).toEqual(["'self'"]);
      expect(directives.get('form-action'), name).toEqual(["'self'"]);
      // Browsers ignore frame-ancestors in a meta: the server sends it (README).
      expect(directives.has('frame-ancestors'), name).toBe(false);
    }
  });
});

describe('in Chromium, under the page policy', () => {
  let browser: Browser;
  let opened: RecordedPage;
  let refused: CspViolations;

  beforeAll(async () => {
    browser = await launchBrowser();
    opened = await openPage(browser);
    refused = await recordCspViolations(opened.context);
  });
  afterAll(async () => {
    await browser?.close();
  });

  const offOrigin = () =>
    opened.requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'),
    );

  it('opens every view, the briefing and the printable report without a refusal', async () => {
    const { page } = opened;
    await page.goto(`${baseUrl}/`);
    await waitForReady(page);
    // Through the navigation, as a user goes: SvelteKit announces each new page.
    for (const view of ['Tijden', 'Wijken', 'Buitengebied', 'Management']) {
      await page
        .getByRole('navigation', { name: 'Hoofdnavigatie' })
        .getByRole('link', { name: view, exact: true })
        .click();
      await page.waitForURL((url) => url.pathname.endsWith(`/${view.toLowerCase()}`));
      await waitForReady(page);
    }
    // The announcer reads the title to screen readers and stays out of sight.
    const announcer = page.locator('#svelte-announcer');
    await expect.poll(() => announcer.textContent()).toContain('Management');
    expect((await announcer.boundingBox())?.width).toBeLessThanOrEqual(1);

    await page.goto(`${baseUrl}/verkennen`);
    await waitForReady(page);
    expect(await canvasHasContent(page, '[data-testid="map"]')).toBe(true);

    await page.goto(`${baseUrl}/management/rapport?van=2025-11&tot=2026-10&wijken=WK990103`);
    await waitForReady(page);
    expect(await page.isVisible('[data-testid="report-kpis"]')).toBe(true);

    await page.goto(`${baseUrl}/briefing?datum=2026-07-17&dagdeel=avond`);
    await waitForReady(page);
    await page.waitForFunction(
      () => performance.getEntriesByName('briefing.drawn', 'mark').length > 0,
    );
    expect(await canvasHasContent(page, '[data-testid="briefing-deck"]')).toBe(true);

    expect(refused.list).toEqual([]);
    expect(offOrigin()).toEqual([]);
  });

  it('imports a CSV on Gegevens without a refusal', async () => {
    const { page } = opened;
    await page.goto(`${baseUrl}/gegevens`);
    await waitForReady(page);
    await chooseImportFile(page, /^Meldingen/, path.join(FIXTURES, 'signalen-meldingen.csv'));
    await page.getByRole('radio', { name: /^Overslaan/ }).check();
    await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    await page.waitForSelector('[data-testid="import-report"]');
    await waitForReady(page);
    expect(await page.getAttribute('[data-testid="report-accepted"]', 'data-value')).toBe('6');

    expect(refused.list).toEqual([]);
    expect(offOrigin()).toEqual([]);
  });

  it('refuses a script the build did not ship', async () => {
    const { page } = opened;
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.head.append(script);
    });
    await expect
      .poll(() => refused.list.some((line) => /^script-src(-elem)? refused inline/.test(line)))
      .toBe(true);
    expect(await page.evaluate(() => '__injected' in window)).toBe(false);
  });

  it('lets the online base map reach PDOK once the user has agreed, and nothing else', async () => {
    const pdok = await openPage(browser);
    const pdokRefused = await recordCspViolations(pdok.context);
    try {
      const style = {
        version: 8,
        sources: {
          brt: {
            type: 'vector',
            tiles: [
              `${PDOK}/kadaster/brt-achtergrondkaart/ogc/v1/tiles/WebMercatorQuad/{z}/{y}/{x}?f=mvt`,
            ],
            maxzoom: 14,
          },
        },
        layers: [
          { id: 'achtergrond', type: 'background', paint: { 'background-color': '#f2efe9' } },
          { id: 'water', type: 'fill', source: 'brt', 'source-layer': 'water' },
        ],
      };
      const answered: string[] = [];
      await pdok.context.route(`${PDOK}/**`, (route) => {
        answered.push(route.request().url());
        const isStyle = route.request().url().startsWith(PDOK_STYLE_URL.split('?')[0]);
        return isStyle
          ? route.fulfill({ contentType: 'application/json', body: JSON.stringify(style) })
          : route.fulfill({ contentType: 'application/vnd.mapbox-vector-tile', body: '' });
      });
      // This browser has agreed before (display/pdok.ts keeps the consent).
      await pdok.page.addInitScript(() => localStorage.setItem('wijkradar.pdok-toestemming', 'ja'));
      await pdok.page.goto(`${baseUrl}/verkennen?achtergrond=pdok`);
      await waitForReady(pdok.page);
      await expect.poll(() => answered.some((url) => url.includes('/tiles/'))).toBe(true);
      expect(await pdok.page.textContent('[data-testid="pdok-attribution"]')).toBe(
        'Kaartgegevens © Kadaster',
      );
      expect(pdokRefused.list).toEqual([]);
      expect(
        pdok.requests.filter(
          (url) =>
            !url.startsWith(origin) &&
            !url.startsWith(`${PDOK}/`) &&
            !url.startsWith('blob:') &&
            !url.startsWith('data:'),
        ),
      ).toEqual([]);
    } finally {
      await pdok.context.close();
    }
  });
});
