/**
 * The briefing in the browser at projector size (1920x1080): every slide is drawn and
 * screenshotted, its smallest text is at least 28 px, the keyboard leafs through the slides,
 * the page is axe-clean, notes survive a reload, print gives one landscape page per slide,
 * "now" past the data end offers the last date with data, and the verwacht slide says how
 * the forecasts of the weeks before came out: stored by earlier briefings, else recomputed.
 */
import { mkdtemp, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasHasContent, launchBrowser, openPage, runAxe, scaled, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
const FULL_HD = { width: 1920, height: 1080 };
const SLIDES = ['focus', 'verwacht', 'recent', 'buitengebied', 'notities'];
let browser: Browser;
let page: Page;
let shots: string;

beforeAll(async () => {
  shots = await mkdtemp(path.join(os.tmpdir(), 'briefing-'));
  browser = await launchBrowser();
  ({ page } = await openPage(browser, FULL_HD));
  await page.goto(baseUrl + '/briefing?datum=2026-07-17&dagdeel=avond');
  await waitForReady(page);
});
afterAll(async () => {
  await browser?.close();
});

const position = () => page.textContent('[data-testid="slide-position"]');
const current = () =>
  page.getAttribute('[data-testid="briefing-deck"] [data-current="true"]', 'data-testid');

/** Smallest computed font size of the visible text in the current slide and the deck bar. */
function minimumFontSize(): Promise<{ size: number; text: string }> {
  return page.evaluate(() => {
    const deck = document.querySelector('[data-testid="briefing-deck"]')!;
    const walker = document.createTreeWalker(deck, NodeFilter.SHOW_TEXT);
    let min = { size: Infinity, text: '' };
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const style = getComputedStyle(element);
      if (style.visibility !== 'visible' || element.getClientRects().length === 0) continue;
      const size = parseFloat(style.fontSize);
      if (size < min.size) min = { size, text };
    }
    return min;
  });
}

describe('dia’s op 1920x1080', () => {
  it('draws every slide with large text, and a screenshot of each', async () => {
    expect(await position()).toContain('Dia 1 van 5');
    for (const [i, id] of SLIDES.entries()) {
      expect(await current()).toBe(`slide-${id}`);
      const deck = page.locator('[data-testid="briefing-deck"]');
      const box = (await deck.boundingBox())!;
      expect(box.width).toBeGreaterThan(1800);
      const file = path.join(shots, `${i + 1}-${id}.png`);
      await deck.screenshot({ path: file });
      // A slide full of text and a map compresses far worse than an empty frame.
      expect((await stat(file)).size).toBeGreaterThan(25_000);
      const min = await minimumFontSize();
      expect(min.size, `smallest text: "${min.text}"`).toBeGreaterThanOrEqual(28);
      if (id === 'verwacht' || id === 'recent') {
        expect(await canvasHasContent(page, `[data-testid="slide-${id}"]`)).toBe(true);
      }
      await page.keyboard.press('ArrowRight');
    }
    // The last slide stays when leafing by hand.
    expect(await current()).toBe('slide-notities');
  });

  it('shows the planted Donderpark youth hotspot among the expected hotspots', async () => {
    // data/truth.json: buurt BU99010201, which data/buurten.geojson names Parkwijk.
    const items = await page.$$eval('[data-testid="expected-list"] li', (lis) =>
      lis.map((li) => li.textContent!.replace(/\s+/g, ' ')),
    );
    expect(
      items.some((item) => item.includes('Parkwijk — Jeugdoverlast')),
      items.join('\n'),
    ).toBe(true);
    expect(await page.locator('[data-testid="expected-list"] li').count()).toBeLessThanOrEqual(7);
    // Each item says what, where, when, how many with its unit, and how sure.
    for (const item of items) {
      expect(item).toMatch(/registraties in de afgelopen \d+ weken · piek \d+–\d+ uur/);
      expect(item).toMatch(/hotspot, (95|99) % betrouwbaar/);
    }
  });

  it('draws the busiest hours as bars in proportion to their counts', async () => {
    const bars = await page.$$eval('[data-testid="hour-bar"]', (spans) =>
      spans.map((bar) => ({
        height: bar.getBoundingClientRect().height,
        count: Number(bar.closest('li')!.querySelector('.count')!.textContent),
      })),
    );
    expect(bars.length).toBeGreaterThanOrEqual(2);
    const tallest = bars.reduce((a, b) => (b.count > a.count ? b : a));
    expect(tallest.height).toBeGreaterThanOrEqual(59);
    for (const bar of bars) {
      expect(bar.count, 'a bar is only drawn for a shown count').toBeGreaterThanOrEqual(5);
      const expected = (tallest.height * bar.count) / tallest.count;
      expect(Math.abs(bar.height - expected), JSON.stringify(bars)).toBeLessThanOrEqual(2);
    }
    // Distinct counts give distinct heights (20, 15 and 19 were once drawn alike).
    const heights = new Set(bars.map((b) => Math.round(b.height)));
    expect(heights.size).toBe(new Set(bars.map((b) => b.count)).size);
  });

  it('shows counts below 5 as "<5" and never a count of 1 to 4', async () => {
    const cells = await page.$$eval('[data-testid="recent-list"] td.number', (tds) =>
      tds.map((td) => td.textContent!.trim()),
    );
    expect(cells.length).toBeGreaterThan(0);
    expect(cells).toContain('<5');
    for (const cell of cells) expect(['1', '2', '3', '4']).not.toContain(cell);
    const deckText = (await page.textContent('[data-testid="briefing-deck"]'))!;
    expect(deckText).not.toMatch(/\b\d{1,2}:\d{2}\b/); // times at hour precision only
  });
});

describe('bediening', () => {
  it('leafs with arrows, space, Home and End', async () => {
    await page.keyboard.press('Home');
    expect(await current()).toBe('slide-focus');
    await page.keyboard.press(' ');
    expect(await current()).toBe('slide-verwacht');
    await page.keyboard.press('ArrowLeft');
    expect(await current()).toBe('slide-focus');
    await page.keyboard.press('End');
    expect(await position()).toContain('Dia 5 van 5');
  });

  it('goes full screen with F and back with Esc', async () => {
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null);
    expect(await page.evaluate(() => document.fullscreenElement?.getAttribute('data-testid'))).toBe(
      'briefing-deck',
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.fullscreenElement === null);
  });

  it('advances automatically and pauses', async () => {
    await page.keyboard.press('Home');
    await page.evaluate(() => {
      const select = document.querySelector('.toolbar select') as HTMLSelectElement;
      select.value = '10';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.click('[data-testid="auto-advance"]');
    expect(await page.getAttribute('[data-testid="auto-advance"]', 'aria-pressed')).toBe('true');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-current="true"]')?.getAttribute('data-testid') !==
        'slide-focus',
      undefined,
      { timeout: scaled(15_000) },
    );
    await page.click('[data-testid="auto-advance"]');
    expect(await page.getAttribute('[data-testid="auto-advance"]', 'aria-pressed')).toBe('false');
    const paused = await current();
    await page.waitForTimeout(11_000);
    expect(await current()).toBe(paused);
  });

  it('has no accessibility violations', async () => {
    expect(await runAxe(page)).toEqual([]);
  });

  it('has a dark projector theme, kept across a reload and axe-clean too', async () => {
    await page.click('[data-testid="projector-theme"]');
    await page.reload();
    await waitForReady(page);
    expect(await page.getAttribute('[data-testid="projector-theme"]', 'aria-pressed')).toBe('true');
    const colours = await page.$eval('[data-testid="briefing-deck"] section', (s) => {
      const style = getComputedStyle(s);
      return [style.backgroundColor, style.color];
    });
    expect(colours).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    for (const id of SLIDES) {
      await page.keyboard.press(id === 'focus' ? 'Home' : 'ArrowRight');
      expect(await runAxe(page), id).toEqual([]);
    }
    await page.click('[data-testid="projector-theme"]');
    expect(await page.getAttribute('[data-testid="projector-theme"]', 'aria-pressed')).toBe(
      'false',
    );
  });
});

describe('voorspelling vorige weken', () => {
  it('says on the verwacht slide how the recomputed forecasts came out, axe-clean', async () => {
    // The page's briefing (17 July 2026) lies before "now": no briefing stored a forecast.
    const track = page.locator('[data-testid="forecast-track"]');
    expect(await track.getAttribute('data-source')).toBe('backtest');
    const text = (await track.textContent())!.replace(/\s+/g, ' ');
    expect(text).toMatch(
      /Voorspelling vorige weken: \d+ van \d+ verwachte hotspots hadden registraties \(trefkans \d+ %, PAI [\d,]+\)\./,
    );
    expect(text).toContain('Teruggerekend, want nog geen opgeslagen briefings');
    expect(text).toContain('avonden van 19 jun 2026 t/m 16 jul 2026');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    expect(await current()).toBe('slide-verwacht');
    // Everything fits: the places and the hour bars end above the line, the line inside
    // the slide (issue 26: nothing cut off).
    const box = async (selector: string) => {
      const b = (await page.locator(`[data-testid="slide-verwacht"] ${selector}`).boundingBox())!;
      return { top: b.y, bottom: b.y + b.height, height: b.height };
    };
    const [body, list, hours, line] = await Promise.all(
      ['.body', '[data-testid="expected-list"]', '.hours', '[data-testid="forecast-track"]'].map(
        box,
      ),
    );
    expect(Math.max(list.bottom, hours.bottom)).toBeLessThanOrEqual(line.top + 1);
    expect(line.bottom).toBeLessThanOrEqual(body.bottom + 1);
    expect(hours.height).toBeGreaterThanOrEqual(100);
    expect(await runAxe(page)).toEqual([]);
  });

  it('scores what an earlier briefing stored, in a later briefing', async () => {
    const { page: other, context } = await openPage(browser, FULL_HD);
    // "Now": Tuesday 20 October 2026, 14:00, inside the demo data; the evening is to come.
    await other.clock.setFixedTime(new Date('2026-10-20T14:00:00+02:00'));
    await other.goto(baseUrl + '/briefing?datum=2026-10-20&dagdeel=avond');
    await waitForReady(other);
    const listed = await other.locator('[data-testid="expected-list"] li').count();
    // Read without creating the database: an open that would create it is aborted.
    const readStored = () =>
      other.evaluate(
        () =>
          new Promise<unknown>((resolve) => {
            const open = indexedDB.open('wijkradar-forecasts');
            open.onupgradeneeded = () => open.transaction!.abort();
            open.onerror = () => resolve(null);
            open.onsuccess = () => {
              const get = open.result
                .transaction('forecasts')
                .objectStore('forecasts')
                .get('2026-10-20|avond');
              get.onsuccess = () => {
                open.result.close();
                resolve(get.result ?? null);
              };
            };
          }),
      );
    await expect.poll(readStored, { timeout: scaled(10_000) }).not.toBeNull();
    const stored = (await readStored()) as { dagdeel: string; size: number; cells: unknown[] };
    expect(stored).toMatchObject({ dagdeel: 'avond', size: 250 });
    expect(stored.cells).toHaveLength(listed);
    // The next evening's briefing scores that stored forecast, and says so.
    await other.goto(baseUrl + '/briefing?datum=2026-10-21&dagdeel=avond');
    await waitForReady(other);
    const track = other.locator('[data-testid="forecast-track"]');
    expect(await track.getAttribute('data-source')).toBe('stored');
    expect((await track.textContent())!.replace(/\s+/g, ' ')).toContain(
      'Uit 1 briefing die in deze browser is opgeslagen, avonden van 23 sep 2026 t/m 20 okt 2026.',
    );
    await context.close();
  });
});

describe('ander dagdeel', () => {
  /** Chooses a dagdeel and waits until its slides are shown and drawn. */
  async function chooseDagdeel(id: string) {
    await page.selectOption('[data-testid="briefing-dagdeel"]', id);
    await page.waitForFunction(
      (label) =>
        document
          .querySelector('[data-testid="briefing-deck"] .title')
          ?.textContent?.includes(`, ${label} (`),
      id,
    );
    await waitForReady(page);
  }

  it('redraws the slides in place: the same maps, fitted to the new dagdeel', async () => {
    const canvases = page.locator('[data-testid="briefing-deck"] canvas.maplibregl-canvas');
    expect(await canvases.count()).toBe(2);
    await canvases.evaluateAll((list) =>
      list.forEach((c) => ((c as HTMLCanvasElement & { kept?: boolean }).kept = true)),
    );
    await chooseDagdeel('middag');
    const kept = await canvases.evaluateAll((list) =>
      list.map((c) => (c as HTMLCanvasElement & { kept?: boolean }).kept === true),
    );
    expect(kept).toEqual([true, true]);
    expect(await canvasHasContent(page, '[data-testid="slide-verwacht"]')).toBe(true);
    await chooseDagdeel('avond');
  });
});

describe('notities', () => {
  it('keeps the coordinator’s notes with the briefing across a reload', async () => {
    await page.fill('[data-testid="briefing-notes-input"]', 'Let op: kermis op het Marktplein.');
    await page.waitForSelector('[data-testid="notes-saved"][data-saved="true"]');
    await page.reload();
    await waitForReady(page);
    expect(await page.inputValue('[data-testid="briefing-notes-input"]')).toBe(
      'Let op: kermis op het Marktplein.',
    );
    expect(await page.textContent('[data-testid="briefing-notes"]')).toContain('kermis');
  });
});

describe('afdrukken', () => {
  it('prints one landscape page per slide', async () => {
    await page.emulateMedia({ media: 'print' });
    const slides = await page.$$eval('section[data-testid^="slide-"]', (sections) =>
      sections.map((s) => {
        const style = getComputedStyle(s);
        return { visible: style.visibility, breakAfter: style.breakAfter };
      }),
    );
    expect(slides).toHaveLength(5);
    for (const slide of slides.slice(0, 4))
      expect(slide).toEqual({ visible: 'visible', breakAfter: 'page' });
    const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString(
      'latin1',
    );
    const pages = pdf.match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages).toHaveLength(5);
    const [, x0, y0, x1, y1] = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/
      .exec(pdf)!
      .map(Number);
    expect(x1 - x0).toBeGreaterThan(y1 - y0); // landscape
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('na het einde van de gegevens', () => {
  it('defaults to the next dagdeel from now and offers the last date with data', async () => {
    const { page: other, context } = await openPage(browser, FULL_HD);
    // "Now" injected: a Monday afternoon after the demo data (which ends 2026-10-31).
    await other.clock.setFixedTime(new Date('2026-11-23T14:40:00+01:00'));
    await other.goto(baseUrl + '/briefing');
    await waitForReady(other);
    expect(await other.inputValue('[data-testid="briefing-date"]')).toBe('2026-11-23');
    expect(await other.inputValue('[data-testid="briefing-dagdeel"]')).toBe('avond');
    expect(await other.textContent('[data-testid="data-end"]')).toContain('31 oktober 2026');
    await other.click('[data-testid="data-end"] button');
    await other.waitForURL((url) => url.searchParams.get('datum') === '2026-10-31');
    await waitForReady(other);
    expect(await other.inputValue('[data-testid="briefing-date"]')).toBe('2026-10-31');
    expect(await other.locator('[data-testid="data-end"]').count()).toBe(0);
    await context.close();
  });
});
