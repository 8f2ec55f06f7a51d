/**
 * Wijken in the browser: small multiples per wijk render, the planted rise in Oost (afval)
 * is flagged and the stable Stationskwartier is not, the view follows the shared filter and
 * its own settings, the aandachtslocatie Isseldreef shows as under its visit target, exports
 * work (CSV with small counts suppressed), the scale (own, shared, index) switches by
 * keyboard with the unit on every axis, and the page is accessible.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasHasContent, launchBrowser, openPage, runAxe, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await openPage(browser));
  await page.goto(baseUrl + '/wijken');
  await waitForReady(page);
});
afterAll(async () => {
  await browser?.close();
});

const flags = () =>
  page.$$eval('[data-testid="trend-flags"] li', (items) =>
    items.map((li) => `${li.getAttribute('data-key')}:${li.getAttribute('data-flag')}`),
  );

describe('Wijken', () => {
  it('draws a monthly series per wijk and flags the rise in Oost, not Stationskwartier', async () => {
    expect(await page.locator('[data-testid="wijk-panels"] figure').count()).toBeGreaterThan(4);
    expect(await canvasHasContent(page, '[data-testid="panel-WK990104"]')).toBe(true);
    const list = await flags();
    expect(list).toContain('WK990104|afval:stijging');
    expect(list.some((f) => f.startsWith('WK990101|afval'))).toBe(false);
    const text = await page.textContent('[data-testid="trend-flags"]');
    expect(text).toMatch(/Oost — Afval: stijging.*p < 0,001/s);
    // The multiple-testing control, described where the flags are explained.
    expect(await page.textContent('[data-testid="trend-correction"]')).toMatch(
      /toetst\s+\d+\s+vergelijkingen\s+tegelijk.*methode\s+van\s+Holm.*minstens\s+95%\s+kans\s+geen\s+enkele/s,
    );
  });

  it('follows the shared filter and shows the chosen theme as small multiples', async () => {
    await page.locator('[data-filter="thema"][value="afval"]').check();
    await page.waitForURL((url) => url.searchParams.get('thema') === 'afval');
    await waitForReady(page);
    expect(await flags()).toEqual(['WK990104|afval:stijging']);
    await page.selectOption('[data-testid="trend-theme"]', 'afval');
    await page.waitForURL((url) => url.searchParams.get('reeks') === 'afval');
    await waitForReady(page);
    const oost = page.getByTestId('panel-WK990104');
    expect(await oost.locator('[data-flag]').first().getAttribute('data-flag')).toBe('stijging');
    expect(await oost.textContent()).toMatch(/p < 0,001/);
    const station = page.getByTestId('panel-WK990101');
    expect(await station.locator('[data-flag]').first().getAttribute('data-flag')).toBe(
      'geen significante verandering',
    );
    expect(await station.textContent()).toMatch(
      /dat kan toeval zijn \(p = 0,\d+; na correctie voor \d+ vergelijkingen p = [\d,]+\)/,
    );
    expect(await canvasHasContent(page, '[data-testid="panel-WK990101"]')).toBe(true);
  });

  it('judges a quarter when the period is changed', async () => {
    await page.selectOption('[data-testid="trend-period"]', '3');
    await page.waitForURL((url) => url.searchParams.get('periode') === '3');
    await waitForReady(page);
    expect(await page.textContent('[data-testid="trend-flags"]')).toContain('Laatste 3 maanden');
    expect(await flags()).toContain('WK990104|afval:stijging');
  });

  it('shows Isseldreef below its visit target and the other aandachtslocaties not', async () => {
    const below = async (id: string) =>
      page.getAttribute(`[data-testid="watch-${id}"] [data-below]`, 'data-below');
    expect(await below('AL-ISSELDREEF')).toBe('true');
    expect(await below('AL-PERENPAD')).toBe('false');
    expect(await page.textContent('[data-testid="watch-AL-ISSELDREEF"]')).toContain(
      'Onder het doel',
    );
    expect(await canvasHasContent(page, '[data-testid="watch-AL-ISSELDREEF"]')).toBe(true);
  });

  it('exports a panel as PNG and CSV; counts 1–4 never appear in the CSV', async () => {
    const panel = page.getByTestId('panel-WK990105');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      panel.locator('[data-export="png"]').click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect((await readFile((await png.path())!)).subarray(1, 4).toString('ascii')).toBe('PNG');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      panel.locator('[data-export="csv"]').click(),
    ]);
    const lines = (await readFile((await csv.path())!, 'utf8'))
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Maand;Wijk;Thema;Aantal;Per 1.000 inwoners');
    expect(lines.length).toBeGreaterThan(12);
    for (const line of lines.slice(1)) {
      const count = line.split(';')[3];
      expect(count === '<5' || count === '0' || Number(count) >= 5, line).toBe(true);
    }
  });

  it('switches the scale by keyboard, says which one is shown and names the unit on every axis', async () => {
    const statement = page.getByTestId('trend-scale-statement');
    const yTitles = () =>
      page.$$eval('[data-testid="wijk-panels"] figure', (figures) =>
        figures.map((f) => f.getAttribute('data-y-title')),
      );
    // Default: each wijk its own axis, in registrations per month.
    expect(await statement.getAttribute('data-scale')).toBe('eigen');
    expect(await statement.textContent()).toMatch(/^\s*Eigen schaal per wijk/);
    expect(new Set(await yTitles())).toEqual(new Set(['registraties per maand']));

    // Arrow keys move through the radio group, as in any native radio group.
    await page.getByTestId('trend-scale').locator('input[value="eigen"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((url) => url.searchParams.get('schaal') === 'zelfde');
    await waitForReady(page);
    expect(await statement.getAttribute('data-scale')).toBe('zelfde');
    expect(
      await page.getByTestId('trend-scale').locator('input:checked').getAttribute('value'),
    ).toBe('zelfde');

    // Per 1.000 inwoners, with the minimum population said beside the choice.
    await page.getByTestId('trend-measure').locator('input[value="aantal"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((url) => url.searchParams.get('maat') === 'per1000');
    await waitForReady(page);
    expect(await page.getByTestId('trend-measure').textContent()).toMatch(/minstens 100 inwoners/);
    await expect.poll(yTitles).toContain('per 1.000 inwoners per maand');
    expect((await yTitles()).every((t) => /per maand$/.test(t ?? ''))).toBe(true);

    await page.getByTestId('trend-scale').locator('input[value="zelfde"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((url) => url.searchParams.get('schaal') === 'index');
    await waitForReady(page);
    expect(await statement.textContent()).toMatch(
      /gemiddelde over \w+ \d{4} t\/m \w+ \d{4} \(= 100\)/,
    );
    await expect.poll(yTitles).toContain('index (basisperiode = 100)');
    const indexTitles = await yTitles();
    // A panel without an index says why and shows counts, with that unit on its axis.
    const panels = page.locator('[data-testid="wijk-panels"] figure');
    for (let i = 0; i < (await panels.count()); i++) {
      const fallback = panels.nth(i).getByTestId('panel-fallback');
      if (indexTitles[i] === 'index (basisperiode = 100)') continue;
      expect(indexTitles[i]).toBe('registraties per maand');
      expect(await fallback.textContent()).toMatch(/^Geen index/);
    }
    // The choice is in the link: a reload opens the same scale.
    await page.reload();
    await waitForReady(page);
    expect(await page.getByTestId('trend-scale-statement').getAttribute('data-scale')).toBe(
      'index',
    );
    expect(await canvasHasContent(page, '[data-testid="panel-WK990104"]')).toBe(true);
  });

  it('has no accessibility violations', async () => {
    expect(await runAxe(page)).toEqual([]);
  });
});
