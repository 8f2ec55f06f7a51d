/**
 * Records what the page's Content-Security-Policy refused, in a browser context: the
 * documents' `securitypolicyviolation` events (listened for before any of the page's own
 * scripts run, on every page load) and the browser's "Refused to …" console errors of
 * pages and workers (a worker's refusals reach only its console).
 */
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

export interface CspViolations {
  /** One line per refusal: directive, what was blocked, where. */
  list: string[];
}

const REFUSED = /Content Security Policy|Refused to/i;

export async function recordCspViolations(context: BrowserContext): Promise<CspViolations> {
  const recorded: CspViolations = { list: [] };
  await context.exposeBinding('__wijkradarCspViolation', (_source, line: string) => {
    recorded.list.push(line);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __wijkradarCspViolation(line: string): void })
      .__wijkradarCspViolation;
    document.addEventListener('securitypolicyviolation', (event) =>
      report(
        `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} ` +
          `(${event.sourceFile || location.pathname}:${event.lineNumber})`,
      ),
    );
  });
  const fromConsole = (message: ConsoleMessage) => {
    if (message.type() === 'error' && REFUSED.test(message.text())) {
      recorded.list.push(`console: ${message.text()}`);
    }
  };
  const watch = (page: Page) => {
    page.on('console', fromConsole);
    page.on('worker', (worker) => worker.on('console', fromConsole));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  return recorded;
}
