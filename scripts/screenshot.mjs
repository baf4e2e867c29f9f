// Takes the README's picture: docs/screenshot.png, the page after one run, in headless
// Chromium (the same set-up as the browser tests). Usage:
//   node scripts/screenshot.mjs [query] [out.png] [width] [light|dark]
// e.g. node scripts/screenshot.mjs '?demo=gil&threads=3' /tmp/gil.png 390 dark
import { startServers, startBrowser } from '../tests/e2e/support.mjs';

const [query = '?demo=threads&threads=3&steps=4&delay_ms=60', out = 'docs/screenshot.png', width = '1280', scheme = 'light'] = process.argv.slice(2);
const servers = await startServers();
const browser = await startBrowser();
try {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.setViewportSize({ width: Number(width), height: 900 });
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(servers.isolated + query);
  await page.evaluate(() => playground.ready);
  await page.click('#run');
  await page.waitForFunction(() => /^(Done|Stopped)/.test(document.getElementById('status').textContent)
    || !document.getElementById('error').hidden, null, { timeout: 120000 });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`screenshot: ${out}`);
} finally {
  await browser.close();
  await servers.close();
}
