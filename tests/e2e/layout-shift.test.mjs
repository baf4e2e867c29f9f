// Nothing jumps while the page fills in: the layout-shift entries of the Performance API
// (what Lighthouse's cumulative layout shift adds up) stay under 0.05 on the page and on
// an embed, on a desktop screen and emulated phones. A page that draws its controls and
// panels as the engine answers moves what the reader (or a blog post around an embed) was
// looking at; see the reserved space in www/style.css and endStarting in www/app.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
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

test('a blog post around the <concurrency-playground> element from the Embed code dialog moves by less than 0.05', async (t) => {
  // Tall enough that the text under the demo is on the screen: shifts off screen do not
  // count. The post's column is as wide as the page's own column, where the dialog
  // measures the height it gives the element.
  const browser = await startBrowser({ viewport: { width: 1350, height: 2400 } });
  let blogServer = null;
  try {
    const page = await browser.context.newPage();
    const problems = await recordProblems(page);
    await page.goto(`${servers.isolated}?demo=asyncio&tasks=4`);
    await page.evaluate(() => playground.ready);
    await page.click('#embed-code');
    await page.check('input[name="embed-kind"][value="element"]');
    const snippet = await page.inputValue('#embed-snippet');
    assert.match(snippet, /height="\d+"/, 'the element snippet reserves a height');
    // The post, on another site: a server of its own (another origin, as a blog is).
    const column = await page.evaluate(() => document.querySelector('[data-panel="timeline"]').getBoundingClientRect().width);
    const post = `<!doctype html><meta charset="utf-8"><title>A post</title><body style="width: ${column}px">
      <p>Before the demo.</p>\n${snippet}\n${'<p>After the demo: the rest of the post, which must not move.</p>'.repeat(40)}`;
    blogServer = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(post));
    await new Promise((resolve) => blogServer.listen(0, '127.0.0.1', resolve));
    const blog = `http://127.0.0.1:${blogServer.address().port}/`;
    await page.addInitScript(() => {
      if (window !== window.top) return;
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: Math.round(e.startTime) });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(blog);
    const frame = await (await page.waitForSelector('concurrency-playground iframe')).contentFrame();
    await frame.waitForFunction(() => window.playground && !document.getElementById('main').hasAttribute('data-starting'));
    // The element takes the height the embed posts: wait until it has, then two frames.
    const posted = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await page.waitForFunction((h) => document.querySelector('concurrency-playground iframe').style.height === `${h}px`, posted);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const shifts = await page.evaluate(() => window.__shifts);
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    t.diagnostic(`blog post around the element: ${total.toFixed(4)} (snippet height ${snippet.match(/height="(\d+)"/)[1]}, the embed posted ${posted})`);
    assert.ok(total < LIMIT, `the post moved by ${total.toFixed(4)}: ${JSON.stringify(shifts)}`);
    assertNoProblems(problems);
  } finally {
    await browser.close();
    await new Promise((resolve) => (blogServer ? blogServer.close(resolve) : resolve()));
  }
});
