/**
 * Layout checks run in the page (layout.test.ts): what a user at this screen size would see
 * as broken — two visible things drawn over each other, text cut off by its own box, or a
 * page wider than the window.
 */
import type { Page } from 'playwright-core';

/** Elements that carry something to read or to use. */
const SUBJECTS = [
  'h1',
  'h2',
  'h3',
  'h4',
  'p',
  'li',
  'button',
  'a[href]',
  'label',
  'legend',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'canvas',
  'table',
  'figure',
  '[data-testid="map"]',
].join(',');

/** Problems found, each in words ("overlap: <h2>Tijd…</h2> and <div map>"); empty when fine. */
export function findLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    const describe = (el: Element) => {
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const id = el.getAttribute('data-testid');
      return `<${el.tagName.toLowerCase()}${id ? ` ${id}` : ''}>${text}`;
    };
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) {
      problems.push(`page wider than the window: ${root.scrollWidth} > ${window.innerWidth}`);
    }
    const visible = (el: Element) => {
      // Also false inside a closed <details> (its content is skipped, not laid out).
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
      const rect = el.getBoundingClientRect();
      if (rect.width < 2 || rect.height < 2) return false;
      // Visually hidden text for screen readers (1×1 px with clip) is no layout subject.
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.clip && s.clip !== 'auto' && s.position === 'absolute') return false;
        if (s.clipPath && s.clipPath !== 'none' && s.position === 'absolute') return false;
      }
      return true;
    };
    // Inside the map, controls and tooltips lie over the map on purpose; the map's own
    // box is what must not cover anything else.
    const inMap = (el: Element) =>
      el.closest('[data-testid="map"]') !== null && el.getAttribute('data-testid') !== 'map';
    const floating = (el: Element) =>
      el.closest('[role="tooltip"], .tooltip, dialog[open], [aria-modal="true"]') !== null;
    // The part of an element that can be seen: its box cut by every scrolling or clipping
    // ancestor (a scrolled list's lower items lie beyond its bottom edge, unseen).
    const seen = (el: Element) => {
      const r = el.getBoundingClientRect();
      let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
      for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
        const c = e.getBoundingClientRect();
        left = Math.max(left, c.left);
        top = Math.max(top, c.top);
        right = Math.min(right, c.right);
        bottom = Math.min(bottom, c.bottom);
      }
      return { left, top, right, bottom };
    };
    const items = Array.from(document.querySelectorAll(selector))
      .filter((el) => !inMap(el) && !floating(el) && visible(el))
      .map((el) => ({ el, rect: seen(el) }))
      .filter(({ rect }) => rect.right - rect.left >= 2 && rect.bottom - rect.top >= 2);
    for (let i = 0; i < items.length; i++) {
      const a = items[i];
      for (let j = i + 1; j < items.length; j++) {
        const b = items[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        // More than the half-leading of two adjacent lines of text.
        if (width > 4 && height > 4) {
          problems.push(`overlap: ${describe(a.el)} and ${describe(b.el)}`);
        }
      }
    }
    // Text cut off by its own box (overflow hidden, or a single line that does not fit).
    for (const { el } of items) {
      if (!/^(H[1-4]|BUTTON|A|LABEL|LEGEND|TH|TD|P|LI)$/.test(el.tagName)) continue;
      const style = getComputedStyle(el);
      const clips = style.overflowX !== 'visible' || style.textOverflow === 'ellipsis';
      const h = el as HTMLElement;
      if (clips && h.scrollWidth > h.clientWidth + 1) {
        problems.push(`cut off: ${describe(el)} (${h.scrollWidth} > ${h.clientWidth})`);
      }
    }
    return problems;
  }, SUBJECTS);
}
