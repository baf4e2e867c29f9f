// Nothing jumps while the page fills in: the layout-shift entries of the Performance API
// (what Lighthouse's cumulative layout shift adds up) stay under 0.05 on the page and on
// an embed, on a desktop screen and emulated phones. A page that draws its controls and
// panels as the engine answers moves what the reader (or a blog post around an embed) was
// looking at; see the reserved space in www/style.css and endStarting in www/app.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { devices } from 'playwright-core';
import { startServers, startBrowser, recordProblems, assertNoProblems } from './support.mjs';

const LIMIT = 0.05;
const SCREENS = {
  desktop: { viewport: { width: 1350, height: 940 } },
  // Lighthouse's mobile emulation (a Moto G Power), and a narrower phone.
  'phone 412': { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  'phone 360': { ...devices['Moto G4'], defaultBrowserType: undefined },
};
const PAGES = [
  '',
  '?demo=python', // the editor arrives after the page
  'embed.html',
  'embed.html?demo=threads&build=single', // the notice that threads are missing
  'embed.html?demo=threads&panels=timeline,output&autorun=1',
];

let servers;
before(async () => {
  servers = await startServers();
});
after(() => servers?.close());

/** Every layout shift of a load, from navigation until the page is shown and has settled. */
async function shiftsOf(context, url) {
  const page = await context.newPage();
  const problems = await recordProblems(page);
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue; // not counted by CLS either; nothing here types or clicks
        const moved = (e.sources ?? []).map((s) => s.node?.id || s.node?.className || s.node?.nodeName).filter(Boolean);
        window.__shifts.push({ value: e.value, at: Math.round(e.startTime), moved });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url);
  await page.evaluate(() => playground.ready);
  await page.waitForFunction(() => !document.getElementById('main').hasAttribute('data-starting'));
  // What comes after: the editor, an autorun's timeline and output.
  if (url.includes('autorun=1')) await page.waitForFunction(() => document.getElementById('status').textContent.startsWith('Done'), null, { timeout: 30000 });
  if (url.includes('demo=python')) await page.waitForSelector('[data-editor="ready"]');
  // Two frames, so that a shift of the last change is reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const shifts = await page.evaluate(() => window.__shifts);
  assertNoProblems(problems);
  await page.close();
  return shifts;
}

for (const [screen, options] of Object.entries(SCREENS)) {
  test(`${screen}: the page and its embeds move by less than ${LIMIT} while they load`, async (t) => {
    const browser = await startBrowser(options);
    try {
      for (const path of PAGES) {
        const shifts = await shiftsOf(browser.context, servers.isolated + path);
        // All shifts summed: at least CLS, which takes only the worst window of them.
        const total = shifts.reduce((sum, s) => sum + s.value, 0);
        t.diagnostic(`${screen} /${path}: ${total.toFixed(4)}`); // the figures the README quotes
        assert.ok(total < LIMIT, `${screen} /${path}: layout shift ${total.toFixed(4)}: ${JSON.stringify(shifts)}`);
      }
    } finally {
      await browser.close();
    }
  });
}
