import { launchBrowser } from './scripts/lib/chromium';
import { startPreviewServer } from './scripts/lib/preview-server';
const server = await startPreviewServer();
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Europe/Amsterdam' });
const page = await ctx.newPage();
page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
for (const [path, file] of [['/tijden', 'tijden'], ['/wijken?thema=afval&reeks=afval', 'wijken']]) {
  const t0 = Date.now();
  await page.goto(server.url + path);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 60000 });
  console.log(path, Date.now() - t0);
  await page.screenshot({ path: `/tmp/${file}.png`, fullPage: true });
}
await browser.close();
await server.stop();
