/**
 * Times a navigation in the page's own clock: from the click event to the moment the app
 * sets `<html data-ready="true">` (and, for views with sections that load afterwards, the
 * last `data-section-ready="true"`). Timing around Playwright's calls (Date.now before the
 * click, after waitForSelector) adds the protocol's round trips and its polling, which on
 * two loaded cores varied by hundreds of milliseconds between identical runs.
 */
import type { BrowserContext, Page } from 'playwright-core';

// Installed before the page's scripts; <html> may not exist yet, so the whole document is
// observed (attributes only: no work per DOM change).
const RECORDER = `(() => {
  const t = (window.__clickTiming = { click: null, ready: null, section: null });
  document.addEventListener('click', () => {
    t.click = performance.now();
    t.ready = null;
    t.section = null;
  }, true);
  new MutationObserver((records) => {
    if (t.click === null) return;
    const now = performance.now();
    for (const r of records) {
      const value = r.target.getAttribute?.(r.attributeName);
      if (value !== 'true') continue;
      if (r.attributeName === 'data-ready' && r.target === document.documentElement) t.ready = now;
      if (r.attributeName === 'data-section-ready') t.section = now;
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready', 'data-section-ready'] });
})();`;

export async function recordClickTiming(context: BrowserContext): Promise<void> {
  await context.addInitScript(RECORDER);
}

export interface ClickTiming {
  /** Click → the last `data-ready="true"` seen so far. */
  ready: number;
  /** Click → the last `data-section-ready="true"` (or `ready`, when later or none). */
  sections: number;
}

/** Read once the caller has waited for what it measures (the app's signals). */
export async function readClickTiming(page: Page): Promise<ClickTiming> {
  const t = (await page.evaluate('window.__clickTiming')) as {
    click: number | null;
    ready: number | null;
    section: number | null;
  };
  if (t.click === null || t.ready === null) throw new Error('Geen klik of ready-signaal gezien.');
  return { ready: t.ready - t.click, sections: Math.max(t.ready, t.section ?? 0) - t.click };
}
